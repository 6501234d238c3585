using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Approving;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.ProposingWithdrawal;
using Reporting.CaseManagement.Cases.SubmittingInvestigationReport;
using static Reporting.CaseManagement.Tests.Specification;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class InvestigationTests
{
    private static readonly DateTimeOffset Now = CaseHistory.DefaultClock;

    [Fact]
    public void A_filed_case_starts_with_nobody_assigned_so_that_the_investigation_office_brings_its_own_people()
    {
        var filed = CaseHistory.Submitted().FilingProposed().Approved(Approver1).Approved(Approver2).State;

        Assert.Equal((CaseStage.Investigating, 0), (filed.Stage, filed.Assignees.Count));
    }

    [Fact]
    public void Whoever_handled_the_lead_cannot_be_assigned_to_investigate() =>
        Given(CaseHistory.Submitted().FilingProposed().Approved(Approver1).Approved(Approver2))
            .When(Approver1, new Assign(["investigator1", "supervisor2"]))
            .ThenRefused(RefusalKind.Forbidden, "supervisor2 handled the lead of this case");

    [Fact]
    public void The_investigators_submit_their_report_and_the_case_goes_to_review() =>
        Given(CaseHistory.Submitted().Investigating())
            .When(Investigator2, new SubmitInvestigationReport("Three banquets, 18,400 yuan, paid by the bureau."))
            .Then(new InvestigationReportSubmitted("Three banquets, 18,400 yuan, paid by the bureau.", ["investigator1", "investigator2"], "investigator2", Now));

    [Fact]
    public void Investigative_measures_take_at_least_two_officers() =>
        Given(CaseHistory.Submitted().FilingProposed().Approved(Approver1).Approved(Approver2).Do(Approver1, new Assign(["investigator1"])))
            .When(Investigator1, new SubmitInvestigationReport("Findings."))
            .ThenRefused(RefusalKind.Conflict, "at least 2 officers");

    [Fact]
    public void Only_assigned_investigators_report() =>
        Given(CaseHistory.Submitted().Investigating())
            .When(new Actor("investigator3", StaffRole.Investigator), new SubmitInvestigationReport("Findings."))
            .ThenRefused(RefusalKind.Forbidden, "investigator3 is not");

    [Fact]
    public void Only_an_investigator_reports() =>
        Given(CaseHistory.Submitted().Investigating())
            .When(Supervisor1, new SubmitInvestigationReport("Findings."))
            .ThenRefused(RefusalKind.Forbidden, "Only an investigator may submit an investigation report");

    [Fact]
    public void An_investigation_report_has_findings() =>
        Given(CaseHistory.Submitted().Investigating()).When(Investigator1, new SubmitInvestigationReport("")).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void The_investigators_may_propose_withdrawing_the_case() =>
        Given(CaseHistory.Submitted().Investigating())
            .When(Investigator1, new ProposeWithdrawal("The subject has died."))
            .Then(new ProposalMade(3, ProposalKind.Withdrawal, "The subject has died.", [], 1, "investigator1", Now));

    [Fact]
    public void An_approved_withdrawal_concludes_the_case() =>
        Given(CaseHistory.Submitted().Investigating().Do(Investigator1, new ProposeWithdrawal("The subject has died.")))
            .When(Approver2, new Approve("Withdrawn."))
            .Then(
                new ProposalApproved(3, "Withdrawn.", "approver2", Now),
                new CaseConcluded(ConclusionOutcome.Withdrawn, "The subject has died.", true, Now),
                new DeadlineStarted(new Deadline(DeadlineKind.Feedback, new DateOnly(2026, 3, 9), 15, DeadlineUnit.WorkingDays, new DateOnly(2026, 3, 30), null)));

    [Fact]
    public void The_report_waits_while_a_withdrawal_is_pending() =>
        Given(CaseHistory.Submitted().Investigating().Do(Investigator1, new ProposeWithdrawal("The subject has died.")))
            .When(Investigator2, new SubmitInvestigationReport("Findings."))
            .ThenRefused(RefusalKind.Conflict, "awaits approval");

    [Fact]
    public void Withdrawal_is_for_a_case_under_investigation() =>
        Given(CaseHistory.Submitted().UnderReview())
            .When(Investigator1, new ProposeWithdrawal("Why."))
            .ThenRefused(RefusalKind.Conflict, "only when it is 'investigating'");

    [Fact]
    public void Only_the_assigned_investigators_propose_withdrawal() =>
        Given(CaseHistory.Submitted().Investigating())
            .When(new Actor("investigator3", StaffRole.Investigator), new ProposeWithdrawal("Why."))
            .ThenRefused(RefusalKind.Forbidden, "investigator3 is not");

    [Fact]
    public void A_withdrawal_gives_its_reason() =>
        Given(CaseHistory.Submitted().Investigating()).When(Investigator1, new ProposeWithdrawal("")).ThenRefused(RefusalKind.Invalid, "must not be empty");
}
