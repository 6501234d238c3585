using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases;

/// <summary>
/// An action of the HTTP contract: its command, the part of its rules that does not depend on the command's body (who may
/// take it in which state), and its decider. The decider enforces the same guard first, so <see cref="CaseActions.Allowed"/>
/// cannot drift from what the deciders accept.
/// </summary>
public sealed record CaseAction(
    string Name,
    Type CommandType,
    Func<CaseState, Actor, Refusal?> Guard,
    Func<CaseState, object, Actor, DateTimeOffset, WorkingCalendar, IReadOnlyList<object>> Decide)
{
    public static CaseAction For<TCommand>(
        string name,
        Func<CaseState, Actor, Refusal?> guard,
        Func<CaseState, TCommand, Actor, DateTimeOffset, WorkingCalendar, IReadOnlyList<object>> decide) =>
        new(name, typeof(TCommand), guard, (state, command, actor, now, calendar) => decide(state, (TCommand)command, actor, now, calendar));
}
