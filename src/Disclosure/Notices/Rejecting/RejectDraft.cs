using Reporting.Disclosure.Notices.Approving;

namespace Reporting.Disclosure.Notices.Rejecting;

/// <summary>The draft goes back to its publisher with a reason, decided like an approval: never by one of its authors.</summary>
public static class RejectDraftDecider
{
    public static NoticeDraftRejected Decide(NoticeState state, string reason, string by, DateTimeOffset now)
    {
        var draft = ApproveDraftDecider.RequireAwaiting(state, "reject");
        if (draft.Authors.Contains(by))
            throw NoticeRefusedException.Forbidden("Nobody rejects a notice they drafted or revised; another approver decides.");
        if (string.IsNullOrWhiteSpace(reason))
            throw NoticeRefusedException.Invalid("reason", "Say why the draft is rejected.");
        return new NoticeDraftRejected(reason.Trim(), by, now);
    }
}
