using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.Reopening;

/// <summary>Reopen a parked case on new evidence; it returns to supervision for a new disposition.</summary>
public sealed record Reopen(string NewEvidence);

public sealed class ReopenValidator : CommandValidator<Reopen>
{
    public ReopenValidator() => RuleFor(command => command.NewEvidence).NotEmpty().WithMessage("Say what the new evidence is.").MaximumLength(4000);
}

public static class ReopenDecider
{
    public static readonly CaseAction Action = CaseAction.For<Reopen>("reopen", Guard, Decide);

    private static readonly ReopenValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "reopen a parked case", StaffRole.Supervisor)
        ?? CaseRules.InStage(state, "reopen the case", CaseStage.Parked)
        ?? CasePhases.SeparationOfDuties(state, actor.Username);

    public static IReadOnlyList<object> Decide(CaseState state, Reopen command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now, new CaseReopened(command.NewEvidence, actor.Username, now));
    }
}
