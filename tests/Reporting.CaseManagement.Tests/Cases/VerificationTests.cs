using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Approving;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.ProposingDisposition;
using Reporting.CaseManagement.Cases.ProposingFiling;
using Reporting.CaseManagement.Cases.Recusing;
using Reporting.CaseManagement.Cases.SigningVerificationReport;
using Reporting.CaseManagement.Cases.SubmittingVerificationReport;
using Reporting.Intake.Contracts;
using static Reporting.CaseManagement.Tests.Specification;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class VerificationTests
{
    private static readonly DateTimeOffset Now = CaseHistory.DefaultClock;

    [Fact]
    public void The_team_submits_its_report_signed_by_the_submitter() =>
        Given(CaseHistory.Submitted().InVerification())
            .When(Supervisor1, new SubmitVerificationReport("Receipts confirm three banquets.", "file-case"))
            .Then(new VerificationReportSubmitted("Receipts confirm three banquets.", "file-case", ["supervisor1", "supervisor2"], "supervisor1", Now));

    [Fact]
    public void A_verification_team_has_at_least_two_members() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.PreliminaryVerification).Approved().Do(Approver1, new Assign(["supervisor1"])))
            .When(Supervisor1, new SubmitVerificationReport("Findings.", "close"))
            .ThenRefused(RefusalKind.Conflict, "a team of at least 2");

    [Fact]
    public void Only_the_team_submits_the_report() =>
        Given(CaseHistory.Submitted().InVerification())
            .When(AllRounder, new SubmitVerificationReport("Findings.", "close"))
            .ThenRefused(RefusalKind.Forbidden, "allrounder1 is not");

    [Fact]
    public void A_report_recommends_one_of_three_courses() =>
        Given(CaseHistory.Submitted().InVerification())
            .When(Supervisor1, new SubmitVerificationReport("Findings.", "publish"))
            .ThenRefused(RefusalKind.Invalid, "Recommendation is one of");

    [Fact]
    public void The_report_is_submitted_once() =>
        Given(CaseHistory.Submitted().VerificationReported())
            .When(Supervisor2, new SubmitVerificationReport("Mine.", "close"))
            .ThenRefused(RefusalKind.Conflict, "already submitted");

    [Fact]
    public void Every_other_member_signs() =>
        Given(CaseHistory.Submitted().VerificationReported())
            .When(Supervisor2, new SignVerificationReport())
            .Then(new VerificationReportSigned("supervisor2", Now));

    [Fact]
    public void A_member_signs_once() =>
        Given(CaseHistory.Submitted().VerificationReported()).When(Supervisor1, new SignVerificationReport()).ThenRefused(RefusalKind.Conflict, "already signed");

    [Fact]
    public void Only_members_sign() =>
        Given(CaseHistory.Submitted().VerificationReported()).When(AllRounder, new SignVerificationReport()).ThenRefused(RefusalKind.Forbidden, "Only members of the verification team");

    [Fact]
    public void There_must_be_a_report_to_sign() =>
        Given(CaseHistory.Submitted().InVerification()).When(Supervisor2, new SignVerificationReport()).ThenRefused(RefusalKind.Conflict, "No verification report");

    [Fact]
    public void Filing_waits_for_every_signature() =>
        Given(CaseHistory.Submitted().VerificationReported())
            .When(Supervisor1, new ProposeFiling("Violations confirmed.", CaseHistory.Meeting))
            .ThenRefused(RefusalKind.Conflict, "signed by every member");

    [Fact]
    public void A_member_who_recused_no_longer_needs_to_sign()
    {
        var history = CaseHistory.Submitted().VerificationReported().Do(Supervisor2, new Recuse("My cousin works for the accused."));

        Assert.True(history.State.VerificationReportComplete);
    }

    [Fact]
    public void After_verification_the_lead_may_be_closed_without_action() =>
        Given(CaseHistory.Submitted().VerificationSigned())
            .When(Supervisor1, new ProposeDisposition(ProposalKind.CloseNoAction, "Nothing confirmed.", CaseHistory.Meeting))
            .Then(new ProposalMade(2, ProposalKind.CloseNoAction, "Nothing confirmed.", CaseHistory.Meeting, 1, "supervisor1", Now));

    [Fact]
    public void After_verification_an_inquiry_is_not_a_disposition() =>
        Given(CaseHistory.Submitted().VerificationSigned())
            .When(Supervisor1, new ProposeDisposition(ProposalKind.TalkInquiry, "Ask him.", CaseHistory.Meeting))
            .ThenRefused(RefusalKind.Conflict, "'park' or 'close-no-action'");

    [Fact]
    public void A_disposition_waits_for_the_signed_report() =>
        Given(CaseHistory.Submitted().VerificationReported())
            .When(Supervisor1, new ProposeDisposition(ProposalKind.Park, "Wait.", CaseHistory.Meeting))
            .ThenRefused(RefusalKind.Conflict, "signed by every member");

    [Fact]
    public void A_rejected_disposition_after_verification_returns_to_verification_and_the_informant_sees_no_change()
    {
        var history = CaseHistory.Submitted().VerificationSigned()
            .Do(Supervisor1, new ProposeDisposition(ProposalKind.Park, "Wait.", CaseHistory.Meeting))
            .Do(Approver1, new Reporting.CaseManagement.Cases.Rejecting.Reject("File it."));

        Assert.Equal(CaseStage.Verification, history.State.Stage);
        Assert.Equal(InformantStages.InProgress, history.State.InformantStage);
        Assert.Equal([InformantStages.Accepted, InformantStages.InProgress], history.Events.OfType<InformantStageChanged>().Select(changed => changed.Stage));
    }

    [Fact]
    public void Filing_needs_two_approvals_from_different_approvers()
    {
        var firstApproval = CaseHistory.Submitted().FilingProposed().Approved(Approver1);

        Assert.Equal(CaseStage.Verification, firstApproval.State.Stage);
        Given(firstApproval).When(Approver1, new Approve("Again.")).ThenRefused(RefusalKind.Forbidden, "must come from another approver");
        Given(firstApproval)
            .When(Approver2, new Approve("Party committee agrees."))
            .Then(
                new ProposalApproved(2, "Party committee agrees.", "approver2", Now),
                new CaseFiled(Now));
    }

    [Fact]
    public void Filing_is_proposed_by_supervision_from_a_verification() =>
        Given(CaseHistory.Submitted().Accepted())
            .When(Supervisor1, new ProposeFiling("Why.", CaseHistory.Meeting))
            .ThenRefused(RefusalKind.Conflict, "only when it is 'verification'");

    [Fact]
    public void Only_supervision_proposes_filing() =>
        Given(CaseHistory.Submitted().VerificationSigned())
            .When(Investigator1, new ProposeFiling("Why.", CaseHistory.Meeting))
            .ThenRefused(RefusalKind.Forbidden, "Only a supervisor may propose filing");

    [Fact]
    public void Filing_records_its_collective_review() =>
        Given(CaseHistory.Submitted().VerificationSigned())
            .When(Supervisor1, new ProposeFiling("Why.", []))
            .ThenRefused(RefusalKind.Invalid, "collective review");
}
