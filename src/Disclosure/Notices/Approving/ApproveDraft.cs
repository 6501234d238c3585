namespace Reporting.Disclosure.Notices.Approving;

/// <summary>先审后发: the draft is approved by an approver who wrote none of it.</summary>
public static class ApproveDraftDecider
{
    public static NoticeDraftApproved Decide(NoticeState state, string? comment, string by, DateTimeOffset now)
    {
        var draft = RequireAwaiting(state, "approve");
        if (draft.Authors.Contains(by))
            throw NoticeRefusedException.Forbidden("Nobody approves a notice they drafted or revised.");
        return new NoticeDraftApproved(comment, by, now);
    }

    public static NoticeDraft RequireAwaiting(NoticeState state, string verb) =>
        state.Draft is { ApprovedBy: null, RejectedBecause: null } draft
            ? draft
            : throw NoticeRefusedException.Conflict($"There is no draft awaiting approval to {verb}.");
}
