using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Approving;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.ProposingDisposition;
using Reporting.CaseManagement.Cases.Rejecting;
using Reporting.CaseManagement.Cases.Reopening;
using Reporting.Intake.Contracts;
using static Reporting.CaseManagement.Tests.Specification;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class DispositionTests
{
    private static readonly DateTimeOffset Now = CaseHistory.DefaultClock;
    private static readonly IReadOnlyList<string> Meeting = CaseHistory.Meeting;

    [Fact]
    public void Supervision_proposes_a_disposition_after_a_collective_review() =>
        Given(CaseHistory.Submitted().Accepted())
            .When(Supervisor1, new ProposeDisposition(ProposalKind.TalkInquiry, "A first, mild step.", Meeting))
            .Then(new ProposalMade(1, ProposalKind.TalkInquiry, "A first, mild step.", Meeting, 1, "supervisor1", Now));

    [Fact]
    public void Only_supervision_proposes_a_disposition() =>
        Given(CaseHistory.Submitted().Accepted())
            .When(Registrar, new ProposeDisposition(ProposalKind.Park, "Why.", Meeting))
            .ThenRefused(RefusalKind.Forbidden, "Only a supervisor may propose a disposition");

    [Fact]
    public void A_disposition_is_proposed_for_an_accepted_case() =>
        Given(CaseHistory.Submitted().Registered())
            .When(Supervisor1, new ProposeDisposition(ProposalKind.Park, "Why.", Meeting))
            .ThenRefused(RefusalKind.Conflict, "while the case is 'registered'");

    [Fact]
    public void One_proposal_is_pending_at_a_time() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.Park))
            .When(Supervisor2, new ProposeDisposition(ProposalKind.CloseNoAction, "Why.", Meeting))
            .ThenRefused(RefusalKind.Conflict, "while proposal 1 (park) awaits approval");

    [Fact]
    public void A_collective_review_has_at_least_two_participants() =>
        Given(CaseHistory.Submitted().Accepted())
            .When(Supervisor1, new ProposeDisposition(ProposalKind.Park, "Why.", ["supervisor1", "supervisor1"]))
            .ThenRefused(RefusalKind.Invalid, "at least 2 distinct participants");

    [Fact]
    public void A_disposition_is_one_of_the_four() =>
        Given(CaseHistory.Submitted().Accepted())
            .When(Supervisor1, new ProposeDisposition("ignore", "Why.", Meeting))
            .ThenRefused(RefusalKind.Invalid, "Method is one of");

    [Fact]
    public void Approving_a_talk_inquiry_opens_it_with_15_working_days_for_the_reply_and_the_informant_sees_progress() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.TalkInquiry))
            .When(Approver1, new Approve("Agreed."))
            .Then(
                new ProposalApproved(1, "Agreed.", "approver1", Now),
                new InquiryOpened(1, Now),
                new DeadlineStarted(new Deadline(DeadlineKind.InquiryReply, new DateOnly(2026, 3, 9), 15, DeadlineUnit.WorkingDays, new DateOnly(2026, 3, 30), null)),
                new InformantStageChanged(InformantStages.InProgress, Now));

    [Fact]
    public void Approving_preliminary_verification_opens_it() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.PreliminaryVerification))
            .When(Approver1, new Approve(""))
            .Then(
                new ProposalApproved(1, "", "approver1", Now),
                new VerificationOpened(Now),
                new InformantStageChanged(InformantStages.InProgress, Now));

    [Fact]
    public void Approving_parking_keeps_the_reason_and_tells_the_informant_only_that_it_is_in_progress() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.Park))
            .When(Approver1, new Approve(""))
            .Then(
                new ProposalApproved(1, "", "approver1", Now),
                new CaseParked("The lead is specific.", Now),
                new InformantStageChanged(InformantStages.InProgress, Now));

    [Fact]
    public void Approving_closure_without_action_concludes_the_case_and_starts_the_feedback_deadline() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.CloseNoAction))
            .When(Approver1, new Approve(""))
            .Then(
                new ProposalApproved(1, "", "approver1", Now),
                new CaseConcluded(ConclusionOutcome.NoAction, "The lead is specific.", true, Now),
                new DeadlineStarted(new Deadline(DeadlineKind.Feedback, new DateOnly(2026, 3, 9), 15, DeadlineUnit.WorkingDays, new DateOnly(2026, 3, 30), null)),
                new InformantStageChanged(InformantStages.InProgress, Now));

    [Fact]
    public void Nobody_approves_their_own_proposal()
    {
        var headOfSupervision = new Actor("head1", StaffRole.Supervisor, StaffRole.Approver);

        Given(CaseHistory.Submitted().Accepted().Do(headOfSupervision, new ProposeDisposition(ProposalKind.Park, "Why.", Meeting)))
            .When(headOfSupervision, new Approve("Self-approved."))
            .ThenRefused(RefusalKind.Forbidden, "head1 made proposal 1 and cannot decide on it");
    }

    [Fact]
    public void Nobody_rejects_their_own_proposal_either()
    {
        var headOfSupervision = new Actor("head1", StaffRole.Supervisor, StaffRole.Approver);

        Given(CaseHistory.Submitted().Accepted().Do(headOfSupervision, new ProposeDisposition(ProposalKind.Park, "Why.", Meeting)))
            .When(headOfSupervision, new Reject("Withdrawn."))
            .ThenRefused(RefusalKind.Forbidden, "cannot decide on it");
    }

    [Fact]
    public void Only_an_approver_approves() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.Park))
            .When(Supervisor2, new Approve(""))
            .ThenRefused(RefusalKind.Forbidden, "Only an approver may approve or reject a proposal");

    [Fact]
    public void There_must_be_something_to_approve() =>
        Given(CaseHistory.Submitted().Accepted()).When(Approver1, new Approve("")).ThenRefused(RefusalKind.Conflict, "no pending proposal");

    [Fact]
    public void Rejecting_drops_the_proposal_and_returns_the_case_to_supervision()
    {
        var given = CaseHistory.Submitted().Accepted().Proposed(ProposalKind.Park);

        Given(given).When(Approver1, new Reject("Verify first.")).Then(new ProposalRejected(1, "Verify first.", "approver1", Now));

        var after = given.Do(Approver1, new Reject("Verify first.")).State;
        Assert.Equal(CaseStage.Accepted, after.Stage);
        Assert.Null(after.PendingProposal);
    }

    [Fact]
    public void A_rejection_says_why() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.Park)).When(Approver1, new Reject("")).ThenRefused(RefusalKind.Invalid, "Say why");

    [Fact]
    public void A_parked_case_is_reopened_on_new_evidence() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.Park).Approved())
            .When(Supervisor2, new Reopen("The informant sent the banquet receipts."))
            .Then(new CaseReopened("The informant sent the banquet receipts.", "supervisor2", Now));

    [Fact]
    public void Reopening_says_what_the_new_evidence_is() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.Park).Approved())
            .When(Supervisor2, new Reopen(""))
            .ThenRefused(RefusalKind.Invalid, "Say what the new evidence is");

    [Fact]
    public void Only_a_parked_case_is_reopened() =>
        Given(CaseHistory.Submitted().Accepted()).When(Supervisor2, new Reopen("Receipts.")).ThenRefused(RefusalKind.Conflict, "only when it is 'parked'");

    [Fact]
    public void Only_supervision_reopens() =>
        Given(CaseHistory.Submitted().Accepted().Proposed(ProposalKind.Park).Approved())
            .When(Registrar, new Reopen("Receipts."))
            .ThenRefused(RefusalKind.Forbidden, "Only a supervisor may reopen");

    [Fact]
    public void Evidence_arriving_while_parked_is_flagged_and_a_reopened_case_shows_the_informant_no_step_back()
    {
        var parked = CaseHistory.Submitted().Accepted().Proposed(ProposalKind.Park).Approved()
            .Happened(new InformantMessageReceived(Guid.NewGuid(), new SealedEnvelope("office-1", [1], new Dictionary<string, byte[]>()), Now));
        Assert.True(parked.State.NewEvidenceWhileParked);

        var reopened = parked.Do(Supervisor1, new Reopen("Receipts.")).Proposed(ProposalKind.TalkInquiry);

        Assert.Equal(CaseStage.DispositionPending, reopened.State.Stage);
        Assert.Equal(InformantStages.InProgress, reopened.State.InformantStage);
    }
}
