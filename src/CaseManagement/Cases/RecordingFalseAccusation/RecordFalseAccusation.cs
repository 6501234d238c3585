using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.RecordingFalseAccusation;

/// <summary>Record that the report was a knowingly false accusation (诬告陷害), itself a matter to be dealt with.</summary>
public sealed record RecordFalseAccusation(string Findings);

public sealed class RecordFalseAccusationValidator : CommandValidator<RecordFalseAccusation>
{
    public RecordFalseAccusationValidator() => RuleFor(command => command.Findings).NotEmpty().MaximumLength(20000);
}

public static class RecordFalseAccusationDecider
{
    public static readonly CaseAction Action = CaseAction.For<RecordFalseAccusation>("record-false-accusation", Guard, Decide);

    private static readonly RecordFalseAccusationValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "record a false accusation", StaffRole.Supervisor)
        ?? CaseRules.InStage(state, "record a false accusation", CaseStage.Decided, CaseStage.Closed)
        ?? (state.ReportUnfounded ? null : Refusal.Conflict("Only a report that proved unfounded can be recorded as a false accusation."))
        ?? (state.FalseAccusationRecorded ? Refusal.Conflict("The false accusation is already recorded.") : null);

    public static IReadOnlyList<object> Decide(CaseState state, RecordFalseAccusation command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now, new FalseAccusationRecorded(command.Findings, actor.Username, now));
    }
}
