namespace Reporting.Disclosure.Notices;

/// <summary>A notice as its staff see it: the draft in progress with who wrote and approved it, and the published versions.</summary>
public sealed record NoticeStaffView(Guid NoticeId, Guid CaseId, string Kind, long Version, NoticeDraftView? Draft, IReadOnlyList<PublishedVersionView> Published, bool Withdrawn)
{
    public static NoticeStaffView Of(NoticeState state) => new(
        state.NoticeId, state.CaseId, state.Kind, state.Version,
        state.Draft is { } draft
            ? new NoticeDraftView(draft.Version, draft.RecordKind, draft.Status, draft.Content, draft.Reason, draft.PublishingOrgan,
                [.. draft.Authors.Order(StringComparer.Ordinal)], draft.ApprovedBy, draft.RejectedBecause)
            : null,
        [.. state.Published.Select(version => new PublishedVersionView(version.Version, version.RecordKind, version.At, version.LogIndex))],
        state.Withdrawn);
}

public sealed record NoticeDraftView(
    int Version, string RecordKind, string Status, NoticeContent? Content, string? Reason, string? PublishingOrgan,
    IReadOnlyList<string> Authors, string? ApprovedBy, string? RejectedBecause);

public sealed record PublishedVersionView(int Version, string RecordKind, DateTimeOffset PublishedAt, long LogIndex);
