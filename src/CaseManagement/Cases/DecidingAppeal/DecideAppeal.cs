using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.LodgingAppeal;
using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Cases.DecidingAppeal;

/// <summary>The outcome of an appeal: the decision upheld, varied (with the sanctions now in force) or revoked.</summary>
/// <param name="Outcome">"upheld", "varied" or "revoked".</param>
/// <param name="Sanctions">Only for "varied": the sanctions that replace the decided ones.</param>
public sealed record DecideAppeal(string Outcome, string Comment, IReadOnlyList<Sanction>? Sanctions = null);

public sealed class DecideAppealValidator : CommandValidator<DecideAppeal>
{
    public DecideAppealValidator()
    {
        RuleFor(command => command.Outcome).Must(outcome => outcome is "upheld" or "varied" or "revoked")
            .WithMessage("Outcome is 'upheld', 'varied' or 'revoked'.");
        RuleFor(command => command.Comment).NotEmpty().MaximumLength(20000);
        RuleFor(command => command.Sanctions!).ValidSanctions().When(command => command.Outcome == "varied");
        RuleFor(command => command.Sanctions).Null().When(command => command.Outcome != "varied")
            .WithMessage("Sanctions are given only when the decision is varied.");
    }
}

public static class DecideAppealDecider
{
    public static readonly CaseAction Action = CaseAction.For<DecideAppeal>("decide-appeal", Guard, Decide);

    private static readonly DecideAppealValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "decide an appeal", StaffRole.Approver)
        ?? (state.OpenAppeal is null ? Refusal.Conflict("There is no open appeal on this case.") : null);

    public static IReadOnlyList<object> Decide(CaseState state, DecideAppeal command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        IReadOnlyList<Sanction> inForce = command.Outcome switch
        {
            "upheld" => state.Sanctions,
            "varied" => SanctionRules.WithPeriods(command.Sanctions!),
            _ => [],
        };
        // After a review, the person may still ask for re-review within a month of its outcome.
        IEnumerable<object> nextWindow = state.OpenAppeal!.Kind == AppealKind.Review && command.Outcome != "revoked"
            ? [new DeadlineStarted(calendar.Months(DeadlineKind.AppealWindow, now, DeadlineRules.AppealWindowMonths))]
            : [];
        return CaseRules.Decided(state, now,
        [
            new AppealDecided(command.Outcome, inForce, command.Comment, actor.Username, now),
            .. CaseRules.Close(state, DeadlineKind.AppealDecision, now),
            .. nextWindow,
        ]);
    }
}
