using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.RecordingDefence;

/// <summary>The subject's defence (陈述申辩), heard by the review office before it proposes sanctions; or that they declined to make one.</summary>
public sealed record RecordDefence(string Statement, bool SubjectDeclined = false);

public sealed class RecordDefenceValidator : CommandValidator<RecordDefence>
{
    public RecordDefenceValidator()
    {
        RuleFor(command => command.Statement).NotNull().MaximumLength(50000);
        RuleFor(command => command.Statement).NotEmpty().When(command => !command.SubjectDeclined)
            .WithMessage("Record the defence, or that the subject declined to make one.");
    }
}

public static class RecordDefenceDecider
{
    public static readonly CaseAction Action = CaseAction.For<RecordDefence>("record-defence", Guard, Decide);

    private static readonly RecordDefenceValidator Validator = new();

    internal static Refusal? ReviewGuard(CaseState state, Actor actor, string action) =>
        CaseRules.Staff(state, actor, action, StaffRole.Reviewer)
        ?? CaseRules.InStage(state, action, CaseStage.UnderReview)
        ?? CasePhases.SeparationOfDuties(state, actor.Username);

    private static Refusal? Guard(CaseState state, Actor actor) => ReviewGuard(state, actor, "record the subject's defence");

    public static IReadOnlyList<object> Decide(CaseState state, RecordDefence command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now, new DefenceRecorded(command.Statement, command.SubjectDeclined, actor.Username, now));
    }
}
