using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Closing;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.ProposingClarification;
using Reporting.CaseManagement.Cases.RecordingFalseAccusation;
using Reporting.CaseManagement.Contracts;
using Reporting.Intake.Contracts;
using static Reporting.CaseManagement.Tests.Specification;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class ClosingTests
{
    private static readonly DateTimeOffset Now = CaseHistory.DefaultClock;

    private static CaseHistory ConcludedWithoutAction() =>
        CaseHistory.Submitted().Accepted().Proposed(ProposalKind.CloseNoAction).Approved();

    [Fact]
    public void Closing_a_decided_case_feeds_the_outcome_back_and_tells_disclosure()
    {
        var close = CaseHistory.Closing();

        Given(CaseHistory.Submitted().Decided())
            .When(Registrar, close)
            .Then(
                new CaseClosed(close.OutcomeForInformant, "registrar1", Now),
                new OfficeMessageSent(close.FeedbackMessageId, close.SealedOutcome, true, Now),
                new DeadlineClosed(DeadlineKind.Feedback, Now),
                new CaseClosedWithDecision(CaseHistory.CaseId,
                [
                    new Sanction(SanctionKind.Party, PartySanction.SeriousWarning, null),
                    new Sanction(SanctionKind.Administrative, AdministrativeSanction.Demerit, 12),
                ], Now, Now),
                new InformantStageChanged(InformantStages.Concluded, Now));
    }

    [Fact]
    public void Closing_without_a_decision_tells_disclosure_nothing()
    {
        var close = CaseHistory.Closing();

        Given(ConcludedWithoutAction())
            .When(Supervisor2, close)
            .Then(
                new CaseClosed(close.OutcomeForInformant, "supervisor2", Now),
                new OfficeMessageSent(close.FeedbackMessageId, close.SealedOutcome, true, Now),
                new DeadlineClosed(DeadlineKind.Feedback, Now),
                new InformantStageChanged(InformantStages.Concluded, Now));
    }

    [Fact]
    public void An_anonymous_informant_reads_the_same_outcome_but_is_owed_no_deadline()
    {
        var anonymous = CaseHistory.Submitted(realName: false).Accepted().Proposed(ProposalKind.CloseNoAction).Approved();

        Assert.DoesNotContain(DeadlineKind.Feedback, anonymous.State.Deadlines.Keys);
        Assert.Contains(Given(anonymous).When(Registrar, CaseHistory.Closing()).Events(), e => e is OfficeMessageSent { IsFeedback: true });
    }

    [Fact]
    public void Only_a_concluded_case_is_closed() =>
        Given(CaseHistory.Submitted().Investigating()).When(Registrar, CaseHistory.Closing()).ThenRefused(RefusalKind.Conflict, "only when it is 'decided'");

    [Fact]
    public void Only_the_registry_or_supervision_closes() =>
        Given(CaseHistory.Submitted().Decided()).When(Approver1, CaseHistory.Closing()).ThenRefused(RefusalKind.Forbidden, "Only a registrar or a supervisor may close");

    [Fact]
    public void Closing_gives_the_informant_an_outcome() =>
        Given(CaseHistory.Submitted().Decided())
            .When(Registrar, CaseHistory.Closing() with { OutcomeForInformant = "", SealedOutcome = [] })
            .ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void A_name_is_cleared_on_the_heads_approval() =>
        Given(ConcludedWithoutAction().Do(Supervisor1, new ProposeClarification("The accusation of 2 March proved false.")))
            .When(Approver2, new Reporting.CaseManagement.Cases.Approving.Approve("Publish it."))
            .Then(
                new ProposalApproved(2, "Publish it.", "approver2", Now),
                new NameCleared("The accusation of 2 March proved false.", Now));

    [Fact]
    public void A_clarification_is_proposed_for_approval() =>
        Given(ConcludedWithoutAction())
            .When(Supervisor1, new ProposeClarification("Proved false."))
            .Then(new ProposalMade(2, ProposalKind.Clarification, "Proved false.", [], 1, "supervisor1", Now));

    [Fact]
    public void A_name_is_cleared_only_when_the_report_proved_unfounded() =>
        Given(CaseHistory.Submitted().Decided()).When(Supervisor1, new ProposeClarification("Proved false.")).ThenRefused(RefusalKind.Conflict, "proved unfounded");

    [Fact]
    public void A_name_is_cleared_once() =>
        Given(ConcludedWithoutAction().Do(Supervisor1, new ProposeClarification("Proved false.")).Approved())
            .When(Supervisor1, new ProposeClarification("Again."))
            .ThenRefused(RefusalKind.Conflict, "already been cleared");

    [Fact]
    public void A_clarification_says_what_is_cleared() =>
        Given(ConcludedWithoutAction()).When(Supervisor1, new ProposeClarification("")).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void Only_supervision_proposes_a_clarification() =>
        Given(ConcludedWithoutAction()).When(Registrar, new ProposeClarification("Proved false.")).ThenRefused(RefusalKind.Forbidden, "Only a supervisor");

    [Fact]
    public void A_knowingly_false_accusation_is_recorded_and_the_informant_is_not_told() =>
        Given(ConcludedWithoutAction().Do(Registrar, CaseHistory.Closing()))
            .When(Supervisor1, new RecordFalseAccusation("The informant fabricated the receipts."))
            .Then(new FalseAccusationRecorded("The informant fabricated the receipts.", "supervisor1", Now));

    [Fact]
    public void A_false_accusation_is_recorded_once() =>
        Given(ConcludedWithoutAction().Do(Supervisor1, new RecordFalseAccusation("Fabricated.")))
            .When(Supervisor2, new RecordFalseAccusation("Fabricated."))
            .ThenRefused(RefusalKind.Conflict, "already recorded");

    [Fact]
    public void Only_an_unfounded_report_is_a_false_accusation() =>
        Given(CaseHistory.Submitted().Decided()).When(Supervisor1, new RecordFalseAccusation("Fabricated.")).ThenRefused(RefusalKind.Conflict, "proved unfounded");

    [Fact]
    public void A_false_accusation_is_recorded_with_findings() =>
        Given(ConcludedWithoutAction()).When(Supervisor1, new RecordFalseAccusation("")).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void Only_supervision_records_a_false_accusation() =>
        Given(ConcludedWithoutAction()).When(Publisher, new RecordFalseAccusation("Fabricated.")).ThenRefused(RefusalKind.Forbidden, "Only a supervisor");
}
