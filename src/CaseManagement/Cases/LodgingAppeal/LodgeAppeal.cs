using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Cases.LodgingAppeal;

/// <summary>
/// The sanctioned person appeals within 1 month: first for review by this organ (复审, decided within 1 month), then, against
/// that outcome, for re-review (复核, within 2 months). The decision stays in force meanwhile.
/// </summary>
/// <param name="Kind">"review" or "re-review".</param>
public sealed record LodgeAppeal(string Kind, string Grounds);

public static class AppealKind
{
    public const string Review = "review";
    public const string ReReview = "re-review";
}

public sealed class LodgeAppealValidator : CommandValidator<LodgeAppeal>
{
    public LodgeAppealValidator()
    {
        RuleFor(command => command.Kind).Must(kind => kind is AppealKind.Review or AppealKind.ReReview).WithMessage("Kind is 'review' or 're-review'.");
        RuleFor(command => command.Grounds).NotEmpty().MaximumLength(20000);
    }
}

public static class LodgeAppealDecider
{
    public static readonly CaseAction Action = CaseAction.For<LodgeAppeal>("lodge-appeal", Guard, Decide);

    private static readonly LodgeAppealValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "record an appeal", StaffRole.Registrar, StaffRole.Reviewer)
        ?? CaseRules.InStage(state, "record an appeal", CaseStage.Decided, CaseStage.Closed)
        ?? (state.Outcome == ConclusionOutcome.Sanctioned ? null : Refusal.Conflict("Only a decision with sanctions can be appealed."))
        ?? (state.OpenAppeal is null ? null : Refusal.Conflict("An appeal is already open."))
        ?? (state.Deadlines.TryGetValue(DeadlineKind.AppealWindow, out var window) && window.MetAt is null
            ? null
            : Refusal.Conflict("No appeal lies against this case any more."));

    public static IReadOnlyList<object> Decide(CaseState state, LodgeAppeal command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        var expected = state.AppealsDecided.Contains(AppealKind.Review) ? AppealKind.ReReview : AppealKind.Review;
        if (command.Kind != expected)
            throw new CaseActionRefusedException(Refusal.Conflict(expected == AppealKind.Review
                ? "The first appeal is for review (复审); re-review (复核) follows a review's outcome."
                : "The review has been decided; a further appeal is for re-review (复核)."));
        var window = state.Deadlines[DeadlineKind.AppealWindow].Deadline;
        if (WorkingCalendar.DateInChina(now) > window.Due)
            throw new CaseActionRefusedException(Refusal.Conflict($"The time for an appeal ran out on {window.Due:yyyy-MM-dd}."));

        var months = command.Kind == AppealKind.Review ? DeadlineRules.AppealReviewMonths : DeadlineRules.AppealReReviewMonths;
        return CaseRules.Decided(state, now,
        [
            new AppealLodged(command.Kind, command.Grounds, actor.Username, now),
            .. CaseRules.Close(state, DeadlineKind.AppealWindow, now),
            new DeadlineStarted(calendar.Months(DeadlineKind.AppealDecision, now, months)),
        ]);
    }
}
