namespace Reporting.Disclosure.Notices.Revising;

/// <summary>The publisher rewrites the draft in progress (after a rejection, or before approval); approval lapses.</summary>
public static class ReviseDraftDecider
{
    public static NoticeDraftRevised Decide(NoticeState state, NoticeContent content, string by, DateTimeOffset now)
    {
        if (state.Draft is not { Content: not null })
            throw NoticeRefusedException.Conflict("There is no draft with content to revise: correct the published notice instead.");
        return new NoticeDraftRevised(content, by, now);
    }
}
