namespace Reporting.Disclosure.Notices.Correcting;

/// <summary>A published notice is never edited: its correction is drafted, approved and published as the next version.</summary>
public static class CorrectNoticeDecider
{
    public static CorrectionDrafted Decide(NoticeState state, NoticeContent content, string reason, string by, DateTimeOffset now)
    {
        RequirePublishedAndIdle(state, "correct");
        if (string.IsNullOrWhiteSpace(reason))
            throw NoticeRefusedException.Invalid("reason", "Say what the correction corrects: the public reads it.");
        return new CorrectionDrafted(content, reason.Trim(), by, now);
    }

    public static void RequirePublishedAndIdle(NoticeState state, string verb)
    {
        if (state.Published.Count == 0)
            throw NoticeRefusedException.Conflict($"Only a published notice can be {verb}ed; revise the draft instead.");
        if (state.Withdrawn)
            throw NoticeRefusedException.Conflict("The notice is withdrawn: nothing follows a withdrawal.");
        if (state.Draft is not null)
            throw NoticeRefusedException.Conflict($"A draft of version {state.Draft.Version} is in progress: publish or revise it first.");
    }
}
