using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Approving;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.RecordingDefence;
using Reporting.CaseManagement.Cases.Rejecting;
using Reporting.CaseManagement.Cases.SubmittingReviewReport;
using Reporting.CaseManagement.Contracts;
using static Reporting.CaseManagement.Tests.Specification;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class ReviewAndDecisionTests
{
    private static readonly DateTimeOffset Now = CaseHistory.DefaultClock;
    private static readonly IReadOnlyList<string> ReviewMeeting = ["reviewer1", "reviewer2"];

    private static SubmitReviewReport Report(params Sanction[] sanctions) => new("Violations of the eight-point rules.", sanctions, ReviewMeeting);

    [Fact]
    public void The_review_office_records_the_subjects_defence() =>
        Given(CaseHistory.Submitted().UnderReview())
            .When(Reviewer, new RecordDefence("The banquets were receptions for inspectors."))
            .Then(new DefenceRecorded("The banquets were receptions for inspectors.", false, "reviewer1", Now));

    [Fact]
    public void A_subject_who_declines_to_make_a_defence_is_recorded_as_such() =>
        Given(CaseHistory.Submitted().UnderReview())
            .When(Reviewer, new RecordDefence("", SubjectDeclined: true))
            .Then(new DefenceRecorded("", true, "reviewer1", Now));

    [Fact]
    public void A_defence_is_a_statement_or_a_recorded_refusal() =>
        Given(CaseHistory.Submitted().UnderReview()).When(Reviewer, new RecordDefence("")).ThenRefused(RefusalKind.Invalid, "declined to make one");

    [Fact]
    public void Review_waits_for_the_defence() =>
        Given(CaseHistory.Submitted().UnderReview())
            .When(Reviewer, Report(new Sanction(SanctionKind.Party, PartySanction.Warning, null)))
            .ThenRefused(RefusalKind.Conflict, "Record the subject's defence");

    [Fact]
    public void The_review_report_proposes_sanctions_with_their_statutory_periods_as_a_pending_decision() =>
        Given(CaseHistory.Submitted().DefenceHeard())
            .When(Reviewer, Report(
                new Sanction(SanctionKind.Party, PartySanction.Probation, 24),
                new Sanction(SanctionKind.Administrative, AdministrativeSanction.MajorDemerit, null),
                new Sanction(SanctionKind.Other, OtherDisposition.ReferralToProcuratorate, null)))
            .Then(
                new ReviewReportSubmitted("Violations of the eight-point rules.",
                [
                    new Sanction(SanctionKind.Party, PartySanction.Probation, 24),
                    new Sanction(SanctionKind.Administrative, AdministrativeSanction.MajorDemerit, 18),
                    new Sanction(SanctionKind.Other, OtherDisposition.ReferralToProcuratorate, null),
                ], "reviewer1", Now),
                new ProposalMade(3, ProposalKind.Decision, "Violations of the eight-point rules.", ReviewMeeting, 1, "reviewer1", Now));

    [Fact]
    public void Only_reviewers_review() =>
        Given(CaseHistory.Submitted().DefenceHeard())
            .When(Supervisor1, Report(new Sanction(SanctionKind.Party, PartySanction.Warning, null)))
            .ThenRefused(RefusalKind.Forbidden, "Only a reviewer may submit a review report");

    [Fact]
    public void An_investigator_of_the_case_never_reviews_it()
    {
        var investigatorAndReviewer = new Actor("investigator1", StaffRole.Investigator, StaffRole.Reviewer);

        Given(CaseHistory.Submitted().DefenceHeard())
            .When(investigatorAndReviewer, Report(new Sanction(SanctionKind.Party, PartySanction.Warning, null)))
            .ThenRefused(RefusalKind.Forbidden, "investigator1 investigated this case");
        Given(CaseHistory.Submitted().UnderReview())
            .When(investigatorAndReviewer, new RecordDefence("Statement."))
            .ThenRefused(RefusalKind.Forbidden, "investigator1 investigated this case");
    }

    [Fact]
    public void An_investigator_of_the_case_cannot_be_assigned_to_its_review() =>
        Given(CaseHistory.Submitted().UnderReview())
            .When(Approver1, new Assign(["reviewer1", "investigator2"]))
            .ThenRefused(RefusalKind.Forbidden, "investigator2 investigated this case");

    [Theory]
    [InlineData("party", "probation", null, "Probation (留党察看) is for 12 or 24 months.")]
    [InlineData("party", "probation", 18, "Probation (留党察看) is for 12 or 24 months.")]
    [InlineData("party", "warning", 6, "'warning' has no period.")]
    [InlineData("party", "fine", null, "'fine' is not a party sanction.")]
    [InlineData("administrative", "demotion", 24, "Administrative sanctions have statutory periods; give none.")]
    [InlineData("administrative", "serious-warning", null, "'serious-warning' is not an administrative sanction.")]
    [InlineData("other", "public-apology", null, "'public-apology' is not one of the other dispositions.")]
    [InlineData("civil", "warning", null, "Kind 'civil' is not 'party', 'administrative' or 'other'.")]
    public void Sanctions_are_those_of_the_contract_with_their_periods(string kind, string type, int? months, string because) =>
        Given(CaseHistory.Submitted().DefenceHeard()).When(Reviewer, Report(new Sanction(kind, type, months))).ThenRefused(RefusalKind.Invalid, because);

    [Fact]
    public void At_most_one_party_sanction_is_decided() =>
        Given(CaseHistory.Submitted().DefenceHeard())
            .When(Reviewer, Report(new Sanction(SanctionKind.Party, PartySanction.Warning, null), new Sanction(SanctionKind.Party, PartySanction.Expulsion, null)))
            .ThenRefused(RefusalKind.Invalid, "At most one party sanction.");

    [Fact]
    public void A_review_report_proposes_something() =>
        Given(CaseHistory.Submitted().DefenceHeard()).When(Reviewer, Report()).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void Approving_the_decision_opens_the_one_month_appeal_window_and_the_feedback_deadline() =>
        Given(CaseHistory.Submitted().DecisionProposed())
            .When(Approver2, new Approve("Decided by the standing committee."))
            .Then(
                new ProposalApproved(3, "Decided by the standing committee.", "approver2", Now),
                new DecisionMade(
                [
                    new Sanction(SanctionKind.Party, PartySanction.SeriousWarning, null),
                    new Sanction(SanctionKind.Administrative, AdministrativeSanction.Demerit, 12),
                ], Now),
                new DeadlineStarted(new Deadline(DeadlineKind.AppealWindow, new DateOnly(2026, 3, 9), 1, DeadlineUnit.Months, new DateOnly(2026, 4, 9), null)),
                new DeadlineStarted(new Deadline(DeadlineKind.Feedback, new DateOnly(2026, 3, 9), 15, DeadlineUnit.WorkingDays, new DateOnly(2026, 3, 30), null)));

    [Fact]
    public void A_rejected_decision_returns_the_case_to_review()
    {
        var rejected = CaseHistory.Submitted().DecisionProposed().Do(Approver1, new Reject("The facts do not support probation."));

        Assert.Equal(CaseStage.UnderReview, rejected.State.Stage);
    }

    [Fact]
    public void The_informant_learns_nothing_of_the_decision_before_closure()
    {
        var decided = CaseHistory.Submitted().Decided().State;

        Assert.Equal((CaseStage.Decided, Reporting.Intake.Contracts.InformantStages.InProgress), (decided.Stage, decided.InformantStage));
    }
}
