using System.Collections.Immutable;

namespace Reporting.Disclosure.Notices;

/// <summary>A notice as its events left it: the draft in progress, if any, and every published version.</summary>
public sealed record NoticeState
{
    public required Guid NoticeId { get; init; }
    public required Guid CaseId { get; init; }
    public required string Kind { get; init; }

    /// <summary>The stream's version, for <c>If-Match</c>.</summary>
    public long Version { get; init; } = 1;

    public NoticeDraft? Draft { get; init; }
    /// <summary>Every published version, as its event recorded it.</summary>
    public ImmutableList<NoticeVersionPublished> Published { get; init; } = [];

    public bool Withdrawn => Published.LastOrDefault()?.RecordKind == RecordKind.Withdrawal;

    public static NoticeState Create(NoticeDrafted drafted) => new()
    {
        NoticeId = drafted.NoticeId,
        CaseId = drafted.CaseId,
        Kind = drafted.Kind,
        Draft = new NoticeDraft(1, drafted.Kind == NoticeKind.Clarification ? RecordKind.Clarification : RecordKind.Notice,
            drafted.Content, null, null, [drafted.By], null, null),
    };

    public NoticeState Apply(object @event) => (@event switch
    {
        NoticeDraftRevised revised => this with { Draft = Draft! with { Content = revised.Content, Authors = Draft.Authors.Add(revised.By), ApprovedBy = null, RejectedBecause = null } },
        CorrectionDrafted correction => this with { Draft = new NoticeDraft(NextVersion, RecordKind.Correction, correction.Content, correction.Reason, null, [correction.By], null, null) },
        WithdrawalDrafted withdrawal => this with { Draft = new NoticeDraft(NextVersion, RecordKind.Withdrawal, null, withdrawal.Reason, withdrawal.PublishingOrgan, [withdrawal.By], null, null) },
        NoticeDraftApproved approved => this with { Draft = Draft! with { ApprovedBy = approved.By, RejectedBecause = null } },
        NoticeDraftRejected rejected => this with { Draft = Draft! with { RejectedBecause = rejected.Reason, ApprovedBy = null } },
        NoticeVersionPublished published => this with
        {
            Published = Published.Add(published),
            Draft = null,
        },
        _ => this,
    }) with { Version = Version + 1 };

    public int NextVersion => Published.Count + 1;
}

/// <param name="Content">Null for a withdrawal, whose statement is <paramref name="Reason"/> and <paramref name="PublishingOrgan"/>.</param>
/// <param name="Reason">Why a correction or withdrawal is made; published in its version.</param>
/// <param name="Authors">Everyone who wrote any of the draft: none of them may approve it.</param>
public sealed record NoticeDraft(
    int Version,
    string RecordKind,
    NoticeContent? Content,
    string? Reason,
    string? PublishingOrgan,
    ImmutableHashSet<string> Authors,
    string? ApprovedBy,
    string? RejectedBecause)
{
    public string Status => ApprovedBy is not null ? "approved" : RejectedBecause is not null ? "rejected" : "awaiting-approval";
}
