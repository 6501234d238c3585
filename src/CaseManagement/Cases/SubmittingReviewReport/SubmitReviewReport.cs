using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.RecordingDefence;
using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Cases.SubmittingReviewReport;

/// <summary>The review office's report (审理报告) and the sanctions it proposes: a pending decision for an approver.</summary>
/// <param name="CollectiveReview">Who took part in the review office's collective deliberation (集体审议).</param>
public sealed record SubmitReviewReport(string Findings, IReadOnlyList<Sanction> ProposedSanctions, IReadOnlyList<string> CollectiveReview);

public sealed class SubmitReviewReportValidator : CommandValidator<SubmitReviewReport>
{
    public SubmitReviewReportValidator()
    {
        RuleFor(command => command.Findings).NotEmpty().MaximumLength(50000);
        RuleFor(command => command.ProposedSanctions).ValidSanctions();
        RuleFor(command => command.CollectiveReview).ParticipantsOfCollectiveReview();
    }
}

public static class SubmitReviewReportDecider
{
    public static readonly CaseAction Action = CaseAction.For<SubmitReviewReport>("submit-review-report", Guard, Decide);

    private static readonly SubmitReviewReportValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        RecordDefenceDecider.ReviewGuard(state, actor, "submit a review report")
        ?? (state.DefenceRecorded ? null : Refusal.Conflict("Record the subject's defence (or that they declined to make one) before the review report."));

    public static IReadOnlyList<object> Decide(CaseState state, SubmitReviewReport command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now,
        [
            new ReviewReportSubmitted(command.Findings, SanctionRules.WithPeriods(command.ProposedSanctions), actor.Username, now),
            new ProposalMade(state.ProposalCount + 1, ProposalKind.Decision, command.Findings, command.CollectiveReview, 1, actor.Username, now),
        ]);
    }
}
