using JasperFx.Events;
using Marten.Events.Aggregation;
using Reporting.Disclosure.Search;

namespace Reporting.Disclosure.Notices.Listing;

/// <summary>
/// One row per notice, kept inline with its stream: the public list reads the published fields, the staff's drafts
/// queue reads the draft's status. Nothing here is signed; the signed bytes stay on the notice's stream.
/// </summary>
public sealed class NoticeSummary
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string Kind { get; set; } = "";

    /// <summary>"awaiting-approval", "approved", "rejected", or null when no draft is in progress.</summary>
    public string? DraftStatus { get; set; }
    public int? DraftVersion { get; set; }
    public string? DraftRecordKind { get; set; }
    public string? DraftedBy { get; set; }
    public NoticeContent? DraftContent { get; set; }

    public bool Published { get; set; }
    public int CurrentVersion { get; set; }
    public bool Withdrawn { get; set; }
    public NoticeContent? Content { get; set; }
    public List<string> Categories { get; set; } = [];

    /// <summary>"party:warning" and the like, for the sanction filter.</summary>
    public List<string> Sanctions { get; set; } = [];
    public string? Organization { get; set; }
    public DateTimeOffset? FirstPublishedAt { get; set; }
    public DateTimeOffset? LastPublishedAt { get; set; }

    /// <summary>The log entry of the newest published version, for the feed.</summary>
    public long? LogIndex { get; set; }
    public byte[]? LeafHash { get; set; }

    /// <summary>The published text as <see cref="ChineseBigrams"/> words, under a <c>simple</c> full-text index.</summary>
    public string SearchText { get; set; } = "";
}

public sealed class NoticeSummaryProjection : SingleStreamProjection<NoticeSummary, Guid>
{
    public static NoticeSummary Create(NoticeDrafted drafted) => new()
    {
        Id = drafted.NoticeId,
        CaseId = drafted.CaseId,
        Kind = drafted.Kind,
        DraftStatus = "awaiting-approval",
        DraftVersion = 1,
        DraftRecordKind = drafted.Kind == NoticeKind.Clarification ? RecordKind.Clarification : RecordKind.Notice,
        DraftedBy = drafted.By,
        DraftContent = drafted.Content,
    };

    public static void Apply(NoticeDraftRevised revised, NoticeSummary summary)
    {
        summary.DraftContent = revised.Content;
        summary.DraftStatus = "awaiting-approval";
    }

    public static void Apply(CorrectionDrafted correction, NoticeSummary summary) =>
        Draft(summary, RecordKind.Correction, correction.Content, correction.By);

    public static void Apply(WithdrawalDrafted withdrawal, NoticeSummary summary) =>
        Draft(summary, RecordKind.Withdrawal, null, withdrawal.By);

    public static void Apply(NoticeDraftApproved approved, NoticeSummary summary) => summary.DraftStatus = "approved";

    public static void Apply(NoticeDraftRejected rejected, NoticeSummary summary) => summary.DraftStatus = "rejected";

    public static void Apply(IEvent<NoticeVersionPublished> published, NoticeSummary summary)
    {
        summary.Published = true;
        summary.CurrentVersion = published.Data.Version;
        summary.FirstPublishedAt ??= published.Data.At;
        summary.LastPublishedAt = published.Data.At;
        summary.LogIndex = published.Data.LogIndex;
        summary.LeafHash = published.Data.LeafHash;
        if (published.Data.RecordKind == RecordKind.Withdrawal)
            summary.Withdrawn = true;
        else if (summary.DraftContent is { } content)
        {
            summary.Content = content;
            summary.Categories = [.. content.Violations.Select(violation => violation.Category).Distinct()];
            summary.Sanctions = [.. content.Sanctions.Select(sanction => $"{sanction.Kind}:{sanction.Type}").Distinct()];
            summary.Organization = content.Subject.Organization;
            summary.SearchText = ChineseBigrams.Words(string.Join('\n', content.Texts()));
        }
        summary.DraftStatus = null;
        summary.DraftVersion = null;
        summary.DraftRecordKind = null;
        summary.DraftedBy = null;
        summary.DraftContent = null;
    }

    private static void Draft(NoticeSummary summary, string recordKind, NoticeContent? content, string by)
    {
        summary.DraftStatus = "awaiting-approval";
        summary.DraftVersion = summary.CurrentVersion + 1;
        summary.DraftRecordKind = recordKind;
        summary.DraftedBy = by;
        summary.DraftContent = content;
    }
}
