using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.Declining;

/// <summary>Not accepted (不予受理): the matter belongs to litigation, arbitration or another agency, or lies outside scope.</summary>
/// <param name="Ground">"litigation", "arbitration", "other-agency" or "outside-scope".</param>
public sealed record Decline(string Reason, string Ground = "outside-scope");

public sealed class DeclineValidator : CommandValidator<Decline>
{
    public static readonly IReadOnlyList<string> Grounds = ["litigation", "arbitration", "other-agency", "outside-scope"];

    public DeclineValidator()
    {
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(2000);
        RuleFor(command => command.Ground).Must(Grounds.Contains).WithMessage("Ground is one of: " + string.Join(", ", Grounds) + ".");
    }
}

public static class DeclineDecider
{
    public static readonly CaseAction Action = CaseAction.For<Decline>("decline", Guard, Decide);

    private static readonly DeclineValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "decline a report", StaffRole.Registrar)
        ?? CaseRules.Routable(state, "decline the report");

    public static IReadOnlyList<object> Decide(CaseState state, Decline command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now,
        [
            new CaseDeclined(command.Ground, command.Reason, actor.Username, now),
            .. CaseRules.Close(state, DeadlineKind.AcceptanceNotice, now),
        ]);
    }
}
