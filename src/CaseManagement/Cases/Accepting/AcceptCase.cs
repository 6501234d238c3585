using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.Accepting;

/// <summary>Accept the report (受理) and hand it to supervision; this is the real-name informant's acceptance notice.</summary>
public sealed record AcceptCase;

public static class AcceptCaseDecider
{
    public static readonly CaseAction Action = CaseAction.For<AcceptCase>("accept", Guard, Decide);

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "accept a report", StaffRole.Registrar)
        ?? CaseRules.Routable(state, "accept the report");

    public static IReadOnlyList<object> Decide(CaseState state, AcceptCase command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        return CaseRules.Decided(state, now,
        [
            new CaseAccepted(actor.Username, now),
            .. CaseRules.Close(state, DeadlineKind.AcceptanceNotice, now),
        ]);
    }
}
