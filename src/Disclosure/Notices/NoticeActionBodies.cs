namespace Reporting.Disclosure.Notices;

// The bodies of POST /api/notices/{noticeId}/actions/{action}.

/// <summary><c>approve</c>: an optional comment, kept on the notice's stream.</summary>
public sealed record ApproveBody(string? Comment);

/// <summary><c>reject</c>: why; the publisher reads it.</summary>
public sealed record RejectBody(string? Reason);

/// <summary><c>revise</c> (a draft) and <c>correct</c> (a published notice, with the reason the public reads).</summary>
public sealed record ContentBody(
    string Headline,
    string Body,
    NoticeSubject Subject,
    IReadOnlyList<NoticeViolation>? Violations,
    IReadOnlyList<NoticeSanction>? Sanctions,
    string? Characterization = null,
    string? LegalBasis = null,
    string? Authority = null,
    DateOnly? DecidedOn = null,
    string? PublishingOrgan = null,
    string? Reason = null)
{
    public NoticeContent Content(string defaultOrgan) =>
        new NoticeContent(Headline ?? "", Body ?? "", Subject, Violations ?? [], Characterization, LegalBasis, Sanctions ?? [], Authority, DecidedOn,
            string.IsNullOrWhiteSpace(PublishingOrgan) ? defaultOrgan : PublishingOrgan).Normalized();
}

/// <summary><c>withdraw</c>: the statement's reason and organ (the configured organ when none is given).</summary>
public sealed record WithdrawBody(string? Reason, string? PublishingOrgan);
