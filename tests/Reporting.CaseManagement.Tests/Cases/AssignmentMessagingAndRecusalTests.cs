using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Approving;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.HandlingProtectionRequest;
using Reporting.CaseManagement.Cases.Recusing;
using Reporting.CaseManagement.Cases.SendingMessage;
using Reporting.Intake.Contracts;
using static Reporting.CaseManagement.Tests.Specification;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class AssignmentMessagingAndRecusalTests
{
    private static readonly DateTimeOffset Now = CaseHistory.DefaultClock;
    private static readonly Guid MessageId = Guid.Parse("9b2f4c1d-1e2f-4a5b-8c9d-0e1f2a3b4c5d");

    private static SendMessage Message(string body = "Please send the receipts you mention.") => new(body, MessageId, [7, 7, 7]);

    [Fact]
    public void An_approver_or_supervisor_assigns_staff() =>
        Given(CaseHistory.Submitted().Accepted())
            .When(Supervisor1, new Assign(["supervisor1", "supervisor2"]))
            .Then(new StaffAssigned(["supervisor1", "supervisor2"], "supervisor1", Now));

    [Fact]
    public void Only_an_approver_or_supervisor_assigns() =>
        Given(CaseHistory.Submitted().Accepted()).When(Registrar, new Assign(["supervisor1"])).ThenRefused(RefusalKind.Forbidden, "Only an approver or a supervisor may assign staff");

    [Fact]
    public void A_report_still_to_register_has_nobody_to_assign() =>
        Given(CaseHistory.Submitted()).When(Approver1, new Assign(["supervisor1"])).ThenRefused(RefusalKind.Conflict, "while the case is 'submitted'");

    [Fact]
    public void Assignees_are_named_once_each() =>
        Given(CaseHistory.Submitted().Accepted()).When(Approver1, new Assign(["supervisor1", "supervisor1"])).ThenRefused(RefusalKind.Invalid, "Each username once.");

    [Fact]
    public void Assigned_staff_message_the_informant_through_their_sealed_mailbox() =>
        Given(CaseHistory.Submitted().InInquiry())
            .When(Supervisor2, Message())
            .Then(
                new OfficeMessageWritten(MessageId, "Please send the receipts you mention.", "supervisor2", Now),
                new OfficeMessageSent(MessageId, [7, 7, 7], false, Now));

    [Fact]
    public void The_message_text_is_kept_only_in_a_field_sealed_under_the_cases_key()
    {
        var events = Given(CaseHistory.Submitted().InInquiry()).When(Supervisor2, Message("A secret question.")).Events();

        var copy = Assert.IsType<OfficeMessageWritten>(events[0]);
        Assert.Equal("A secret question.", copy.Body.Value);
        Assert.DoesNotContain("A secret question.", System.Text.Json.JsonSerializer.Serialize(events[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_assigned_staff_message_the_informant() =>
        Given(CaseHistory.Submitted().InInquiry()).When(Approver1, Message()).ThenRefused(RefusalKind.Forbidden, "Only staff assigned to this case may message the informant");

    [Fact]
    public void A_message_has_a_body() =>
        Given(CaseHistory.Submitted().InInquiry()).When(Supervisor1, Message("")).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void Once_the_report_went_to_another_organ_this_one_no_longer_messages_the_informant() =>
        Given(CaseHistory.Submitted().Registered().Do(Approver1, new Assign(["registrar1"])).Do(Registrar, new Reporting.CaseManagement.Cases.Escalating.Escalate("Up.")))
            .When(Registrar, Message())
            .ThenRefused(RefusalKind.Conflict, "while the case is 'escalated'");

    [Fact]
    public void Any_staff_member_recuses_themselves_and_leaves_the_team() =>
        Given(CaseHistory.Submitted().InInquiry())
            .When(Supervisor2, new Recuse("I am the accused's brother-in-law."))
            .Then(new StaffRecused("supervisor2", "I am the accused's brother-in-law.", Now));

    [Fact]
    public void A_recusal_gives_its_reason() =>
        Given(CaseHistory.Submitted().InInquiry()).When(Supervisor2, new Recuse("")).ThenRefused(RefusalKind.Invalid, "must not be empty");

    [Fact]
    public void Auditors_and_administrators_hold_no_case_role_to_step_aside_from() =>
        Given(CaseHistory.Submitted().InInquiry()).When(Auditor, new Recuse("Why.")).ThenRefused(RefusalKind.Forbidden, "Only a registrar");

    [Fact]
    public void A_recused_user_can_do_nothing_more_on_the_case()
    {
        var recused = CaseHistory.Submitted().Accepted().Proposed(ProposalKind.Park).Do(Approver2, new Recuse("Witness."));

        Assert.Empty(CaseActions.Allowed(recused.State, Approver2));
        Given(recused).When(Approver2, new Approve("")).ThenRefused(RefusalKind.Forbidden, "approver2 has recused themselves");
        Given(recused).When(Approver2, new Recuse("Again.")).ThenRefused(RefusalKind.Forbidden, "recused themselves");
    }

    [Fact]
    public void A_recused_user_cannot_be_assigned_back() =>
        Given(CaseHistory.Submitted().InInquiry().Do(Supervisor2, new Recuse("Witness.")))
            .When(Approver1, new Assign(["supervisor1", "supervisor2"]))
            .ThenRefused(RefusalKind.Forbidden, "supervisor2 has recused themselves from this case and cannot be assigned");

    [Fact]
    public void A_protection_request_is_flagged_to_the_approvers_until_they_answer_it()
    {
        var requested = CaseHistory.Submitted().Accepted().Happened(ProtectionRequest());

        Assert.Equal(1, requested.State.OpenProtectionRequests);
        Assert.Contains("handle-protection-request", CaseActions.Allowed(requested.State, Approver1));
        Given(requested)
            .When(Approver1, new HandleProtectionRequest("The accused's unit was told that any retaliation will be investigated."))
            .Then(new ProtectionRequestHandled("The accused's unit was told that any retaliation will be investigated.", "approver1", Now));
        Assert.Equal(0, requested.Do(Approver1, new HandleProtectionRequest("Measures.")).State.OpenProtectionRequests);
    }

    [Fact]
    public void Protection_is_handled_by_an_approver() =>
        Given(CaseHistory.Submitted().Accepted().Happened(ProtectionRequest()))
            .When(Supervisor1, new HandleProtectionRequest("Measures."))
            .ThenRefused(RefusalKind.Forbidden, "Only an approver may handle a protection request");

    [Fact]
    public void Protection_is_handled_when_it_was_asked_for() =>
        Given(CaseHistory.Submitted().Accepted()).When(Approver1, new HandleProtectionRequest("Measures.")).ThenRefused(RefusalKind.Conflict, "no open request");

    [Fact]
    public void Handling_protection_names_the_measures() =>
        Given(CaseHistory.Submitted().Accepted().Happened(ProtectionRequest()))
            .When(Approver1, new HandleProtectionRequest(""))
            .ThenRefused(RefusalKind.Invalid, "must not be empty");

    private static ProtectionRequested ProtectionRequest() => new(new SealedEnvelope("office-1", [1], new Dictionary<string, byte[]>()), Now);
}
