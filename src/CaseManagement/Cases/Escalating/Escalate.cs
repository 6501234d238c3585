using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.Escalating;

/// <summary>Send the report to the organ above (报送上级), which the rules allow 5 working days from receipt.</summary>
public sealed record Escalate(string Reason);

public sealed class EscalateValidator : CommandValidator<Escalate>
{
    public EscalateValidator() => RuleFor(command => command.Reason).NotEmpty().MaximumLength(2000);
}

public static class EscalateDecider
{
    public static readonly CaseAction Action = CaseAction.For<Escalate>("escalate", Guard, Decide);

    private static readonly EscalateValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "escalate a report", StaffRole.Registrar)
        ?? CaseRules.Routable(state, "escalate the report");

    public static IReadOnlyList<object> Decide(CaseState state, Escalate command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        // A late escalation still goes up; the record says it was late, for accountability.
        var due = calendar.WorkingDays(DeadlineKind.Bypass, state.ReceivedAt, DeadlineRules.EscalationWorkingDays).Due;
        var late = WorkingCalendar.DateInChina(now) > due;
        return CaseRules.Decided(state, now,
        [
            new CaseEscalated(command.Reason, due, late, actor.Username, now),
            .. CaseRules.Close(state, DeadlineKind.AcceptanceNotice, now),
        ]);
    }
}
