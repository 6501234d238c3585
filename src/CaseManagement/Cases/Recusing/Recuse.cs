using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.Recusing;

/// <summary>Step aside from the case (回避): related to the accused or the informant, a witness, or with an interest. Final.</summary>
public sealed record Recuse(string Reason);

public sealed class RecuseValidator : CommandValidator<Recuse>
{
    public RecuseValidator() => RuleFor(command => command.Reason).NotEmpty().MaximumLength(2000);
}

public static class RecuseDecider
{
    public static readonly CaseAction Action = CaseAction.For<Recuse>("recuse", Guard, Decide);

    private static readonly RecuseValidator Validator = new();

    // The roles that handle cases; publishers, auditors and administrators never see case content, so have none to leave.
    private static readonly string[] CaseRoles =
        [StaffRole.Registrar, StaffRole.Supervisor, StaffRole.Investigator, StaffRole.Reviewer, StaffRole.Approver];

    private static Refusal? Guard(CaseState state, Actor actor) => CaseRules.Staff(state, actor, "recuse themselves from a case", CaseRoles);

    public static IReadOnlyList<object> Decide(CaseState state, Recuse command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now, new StaffRecused(actor.Username, command.Reason, now));
    }
}
