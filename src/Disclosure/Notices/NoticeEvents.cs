namespace Reporting.Disclosure.Notices;

// A notice is one event stream. Drafts, approvals and rejections stay on it, so that who wrote and who approved each
// published version is on the record; only published versions reach the public, each as the exact bytes it was signed as.

/// <summary>A publisher drafted a notice for a case.</summary>
public sealed record NoticeDrafted(Guid NoticeId, Guid CaseId, string Kind, NoticeContent Content, string By, DateTimeOffset At);

/// <summary>The draft in progress was rewritten; any approval it had lapses.</summary>
public sealed record NoticeDraftRevised(NoticeContent Content, string By, DateTimeOffset At);

/// <summary>A correction of the published notice was drafted: once approved and published, it is the next version.</summary>
public sealed record CorrectionDrafted(NoticeContent Content, string Reason, string By, DateTimeOffset At);

/// <summary>A withdrawal was drafted: once approved and published, its signed statement is the last version.</summary>
public sealed record WithdrawalDrafted(string Reason, string PublishingOrgan, string By, DateTimeOffset At);

/// <summary>先审后发: an approver who wrote none of the draft approved it for publication.</summary>
public sealed record NoticeDraftApproved(string? Comment, string By, DateTimeOffset At);

/// <summary>The draft goes back to its publisher, who may revise it; nothing is published.</summary>
public sealed record NoticeDraftRejected(string Reason, string By, DateTimeOffset At);

/// <summary>
/// A version was published: its RFC 8785 bytes, their Ed25519 signature, and the log record appended for it at
/// <paramref name="LogIndex"/>. Never changed afterwards; a correction or withdrawal is a later version.
/// </summary>
public sealed record NoticeVersionPublished(
    int Version,
    string RecordKind,
    byte[] Notice,
    byte[] Signature,
    string NoticeKeyId,
    long LogIndex,
    byte[] Record,
    byte[] LeafHash,
    string By,
    DateTimeOffset At);

public static class NoticeEventTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(NoticeDrafted), typeof(NoticeDraftRevised), typeof(CorrectionDrafted), typeof(WithdrawalDrafted),
        typeof(NoticeDraftApproved), typeof(NoticeDraftRejected), typeof(NoticeVersionPublished),
    ];
}
