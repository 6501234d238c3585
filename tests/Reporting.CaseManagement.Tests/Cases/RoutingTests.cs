using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Accepting;
using Reporting.CaseManagement.Cases.Bypassing;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Declining;
using Reporting.CaseManagement.Cases.Escalating;
using Reporting.CaseManagement.Cases.FilingNoSubstance;
using Reporting.CaseManagement.Cases.MarkingDuplicate;
using Reporting.CaseManagement.Cases.RecordingTransferResponse;
using Reporting.CaseManagement.Cases.Transferring;
using Reporting.Intake.Contracts;
using static Reporting.CaseManagement.Tests.Specification;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class RoutingTests
{
    private static readonly DateTimeOffset Now = CaseHistory.DefaultClock;
    private static readonly Guid OtherCase = Guid.Parse("3d2b7c1e-8f4a-4e6b-9c0d-1a2b3c4d5e6f");

    [Fact]
    public void Accepting_gives_the_acceptance_notice_and_tells_the_informant() =>
        Given(CaseHistory.Submitted().Registered())
            .When(Registrar, new AcceptCase())
            .Then(
                new CaseAccepted("registrar1", Now),
                new DeadlineClosed(DeadlineKind.AcceptanceNotice, Now),
                new InformantStageChanged(InformantStages.Accepted, Now));

    [Fact]
    public void Accepting_an_anonymous_report_has_no_notice_to_give() =>
        Given(CaseHistory.Submitted(realName: false).Registered())
            .When(Registrar, new AcceptCase())
            .Then(new CaseAccepted("registrar1", Now), new InformantStageChanged(InformantStages.Accepted, Now));

    [Fact]
    public void Only_a_registrar_routes_a_report() =>
        Given(CaseHistory.Submitted().Registered()).When(Approver1, new AcceptCase()).ThenRefused(RefusalKind.Forbidden, "Only a registrar may accept");

    [Fact]
    public void An_unregistered_report_cannot_be_routed() =>
        Given(CaseHistory.Submitted()).When(Registrar, new AcceptCase()).ThenRefused(RefusalKind.Conflict, "while the case is 'submitted'");

    [Fact]
    public void A_routed_report_cannot_be_routed_again() =>
        Given(CaseHistory.Submitted().Accepted()).When(Registrar, new Decline("Outside scope.")).ThenRefused(RefusalKind.Conflict, "while the case is 'accepted'");

    [Fact]
    public void A_duplicate_is_linked_to_the_existing_case_and_gets_no_new_notice() =>
        Given(CaseHistory.Submitted().Registered())
            .When(Registrar, new MarkDuplicate(OtherCase))
            .Then(
                new MarkedDuplicate(OtherCase, "registrar1", Now),
                new DeadlineClosed(DeadlineKind.AcceptanceNotice, Now),
                new InformantStageChanged(InformantStages.FiledAsDuplicate, Now));

    [Fact]
    public void A_case_is_not_a_duplicate_of_itself() =>
        Given(CaseHistory.Submitted().Registered()).When(Registrar, new MarkDuplicate(CaseHistory.CaseId)).ThenRefused(RefusalKind.Invalid, "duplicate of itself");

    [Fact]
    public void A_duplicate_names_the_case_it_repeats() =>
        Given(CaseHistory.Submitted().Registered()).When(Registrar, new MarkDuplicate(Guid.Empty)).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void A_report_without_substance_is_kept_on_file_with_the_reason() =>
        Given(CaseHistory.Submitted().Registered())
            .When(Registrar, new FileNoSubstance("No person, place or act is named."))
            .Then(
                new FiledNoSubstance("No person, place or act is named.", "registrar1", Now),
                new DeadlineClosed(DeadlineKind.AcceptanceNotice, Now),
                new InformantStageChanged(InformantStages.NotAccepted, Now));

    [Fact]
    public void Filing_without_substance_needs_a_reason() =>
        Given(CaseHistory.Submitted().Registered()).When(Registrar, new FileNoSubstance(" ")).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void Escalating_within_5_working_days_of_receipt_is_on_time() =>
        Given(CaseHistory.Submitted().Registered())
            .When(Registrar, new Escalate("The accused is managed by the provincial commission."))
            .Then(
                new CaseEscalated("The accused is managed by the provincial commission.", new DateOnly(2026, 3, 9), false, "registrar1", Now),
                new DeadlineClosed(DeadlineKind.AcceptanceNotice, Now),
                new InformantStageChanged(InformantStages.Transferred, Now));

    [Fact]
    public void Escalating_after_5_working_days_is_recorded_as_late()
    {
        var tuesday = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

        var escalated = Given(CaseHistory.Submitted().Registered()).When(Registrar, new Escalate("Jurisdiction."), tuesday).Events().OfType<CaseEscalated>().Single();

        Assert.True(escalated.Late);
    }

    [Fact]
    public void A_report_accusing_the_head_is_bypassed_to_the_organ_above() =>
        Given(CaseHistory.Submitted().Registered(accusesHead: true))
            .When(Registrar, new Bypass("某省纪委监委"))
            .Then(
                new ReportBypassed("某省纪委监委", "registrar1", Now),
                new DeadlineClosed(DeadlineKind.Bypass, Now),
                new DeadlineClosed(DeadlineKind.AcceptanceNotice, Now),
                new InformantStageChanged(InformantStages.Transferred, Now));

    [Theory]
    [InlineData("accept")]
    [InlineData("escalate")]
    [InlineData("decline")]
    [InlineData("transfer")]
    public void A_report_accusing_the_head_can_only_be_bypassed(string action)
    {
        object command = action switch
        {
            "accept" => new AcceptCase(),
            "escalate" => new Escalate("Up."),
            "decline" => new Decline("No."),
            _ => new Transfer("某区纪委监委", "Down."),
        };

        Given(CaseHistory.Submitted().Registered(accusesHead: true)).When(Registrar, command).ThenRefused(RefusalKind.Conflict, "may only be bypassed");
    }

    [Fact]
    public void An_escalated_report_is_not_a_bypassed_one() =>
        Assert.False(CaseHistory.Submitted().Registered().Do(Registrar, new Escalate("Up.")).State.Bypassed);

    [Fact]
    public void Only_a_report_accusing_the_head_is_bypassed() =>
        Given(CaseHistory.Submitted().Registered()).When(Registrar, new Bypass("某省纪委监委")).ThenRefused(RefusalKind.Conflict, "escalate any other report");

    [Fact]
    public void After_a_bypass_nothing_more_can_be_done_here()
    {
        var bypassed = CaseHistory.Submitted().Registered(accusesHead: true).Do(Registrar, new Bypass("某省纪委监委"));

        Assert.True(bypassed.State.Bypassed);
        Assert.All(Everyone, actor => Assert.Empty(CaseActions.Allowed(bypassed.State, actor).Except(["recuse"])));
    }

    [Fact]
    public void Transferring_down_gives_the_lower_organ_5_working_days_across_a_holiday()
    {
        var beforeQingming = new DateTimeOffset(2026, 4, 2, 2, 0, 0, TimeSpan.Zero);

        Given(CaseHistory.Submitted().Registered())
            .When(Registrar, new Transfer("某区纪委监委", "Managed at district level.", Supervised: true), beforeQingming)
            .Then(
                new CaseTransferred("某区纪委监委", "Managed at district level.", true, "registrar1", beforeQingming),
                // Thursday 2 April; Friday 3 counts, 4 to 6 April are Qingming; then 7, 8, 9 and 10 April.
                new DeadlineStarted(new Deadline(DeadlineKind.TransferResponse, new DateOnly(2026, 4, 2), 5, DeadlineUnit.WorkingDays, new DateOnly(2026, 4, 10), null)),
                new DeadlineClosed(DeadlineKind.AcceptanceNotice, beforeQingming),
                new InformantStageChanged(InformantStages.Transferred, beforeQingming));
    }

    [Fact]
    public void Transferring_names_the_lower_organ() =>
        Given(CaseHistory.Submitted().Registered()).When(Registrar, new Transfer("", "Why.")).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void The_lower_organs_response_stops_its_deadline() =>
        Given(CaseHistory.Submitted().Registered().Do(Registrar, new Transfer("某区纪委监委", "District level.")))
            .When(Supervisor1, new RecordTransferResponse("accepted", "Accepted on 5 March."))
            .Then(
                new TransferResponseRecorded("accepted", "Accepted on 5 March.", "supervisor1", Now),
                new DeadlineClosed(DeadlineKind.TransferResponse, Now));

    [Fact]
    public void The_lower_organs_response_is_recorded_once() =>
        Given(CaseHistory.Submitted().Registered().Do(Registrar, new Transfer("某区纪委监委", "District level.")).Do(Registrar, new RecordTransferResponse("accepted", "")))
            .When(Registrar, new RecordTransferResponse("re-routed", ""))
            .ThenRefused(RefusalKind.Conflict, "already recorded");

    [Fact]
    public void A_transfer_response_is_accepted_or_re_routed() =>
        Given(CaseHistory.Submitted().Registered().Do(Registrar, new Transfer("某区纪委监委", "District level.")))
            .When(Registrar, new RecordTransferResponse("ignored", ""))
            .ThenRefused(RefusalKind.Invalid, "'accepted' or 're-routed'");

    [Fact]
    public void A_transfer_response_needs_a_transfer() =>
        Given(CaseHistory.Submitted().Accepted()).When(Registrar, new RecordTransferResponse("accepted", "")).ThenRefused(RefusalKind.Conflict, "only when it is 'transferred'");

    [Fact]
    public void Declining_records_the_ground_and_the_reason() =>
        Given(CaseHistory.Submitted().Registered())
            .When(Registrar, new Decline("A pending civil lawsuit.", "litigation"))
            .Then(
                new CaseDeclined("litigation", "A pending civil lawsuit.", "registrar1", Now),
                new DeadlineClosed(DeadlineKind.AcceptanceNotice, Now),
                new InformantStageChanged(InformantStages.NotAccepted, Now));

    [Fact]
    public void Declining_on_an_unknown_ground_is_invalid() =>
        Given(CaseHistory.Submitted().Registered()).When(Registrar, new Decline("Why.", "boredom")).ThenRefused(RefusalKind.Invalid, "Ground is one of");
}
