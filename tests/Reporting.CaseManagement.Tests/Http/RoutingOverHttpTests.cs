using Reporting.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>
/// The registrar's routes other than acceptance, each from an informant's submission through the real host: what
/// the staff stage becomes, what the informant reads with the receipt, and what becomes of the deadlines.
/// </summary>
public sealed class RoutingOverHttpTests(CaseHost host) : IClassFixture<CaseHost>
{
    [Fact]
    public async Task A_report_repeating_an_existing_case_is_filed_as_its_duplicate_and_no_acceptance_notice_stays_owed()
    {
        var (_, original) = await host.RegisteredCaseAsync();
        var (receipt, caseId) = await host.RegisteredCaseAsync(realName: true);
        Assert.False((await host.DetailAsync(caseId)).Deadline(DeadlineKind.AcceptanceNotice).IsMet());

        var duplicate = await host.ActAsync("registrar1", caseId, "mark-duplicate", new { ofCaseId = original });

        Assert.Equal("duplicate", duplicate.Stage());
        Assert.Contains("marked_duplicate", duplicate.Events());
        duplicate.AssertMet(DeadlineKind.AcceptanceNotice);
        Assert.DoesNotContain("accept", duplicate.AllowedActions());
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.FiledAsDuplicate);
        Assert.Equal("registered", (await host.DetailAsync(original)).Stage());
    }

    [Fact]
    public async Task A_report_marked_as_the_duplicate_of_no_case_is_refused_and_stays_registered()
    {
        var (_, caseId) = await host.RegisteredCaseAsync();

        var ofNothing = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/mark-duplicate", "registrar1", new { ofCaseId = Guid.NewGuid() });
        var ofItself = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/mark-duplicate", "registrar1", new { ofCaseId = caseId });

        Assert.Equal(HttpStatusCode.BadRequest, ofNothing.StatusCode);
        Assert.True((await ofNothing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ofCaseId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, ofItself.StatusCode);
        Assert.Equal("registered", (await host.DetailAsync(caseId)).Stage());
    }

    [Fact]
    public async Task A_report_without_substance_is_kept_on_file_and_the_informant_reads_that_it_was_not_accepted()
    {
        var (receipt, caseId) = await host.RegisteredCaseAsync(realName: true);

        var filed = await host.ActAsync("registrar1", caseId, "file-no-substance", new { reason = "未反映具体问题" });

        Assert.Equal("no-substance", filed.Stage());
        filed.AssertMet(DeadlineKind.AcceptanceNotice);
        Assert.Empty(filed.AllowedActions().Intersect(["accept", "escalate", "transfer", "decline", "propose-disposition"]));
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.NotAccepted);
    }

    [Fact]
    public async Task An_escalated_report_goes_to_the_organ_above_and_the_informant_reads_that_it_was_transferred()
    {
        var (receipt, caseId) = await host.RegisteredCaseAsync(realName: true);

        var escalated = await host.ActAsync("registrar1", caseId, "escalate", new { reason = "属上级管辖" });

        Assert.Equal("escalated", escalated.Stage());
        Assert.Contains("case_escalated", escalated.Events());
        escalated.AssertMet(DeadlineKind.AcceptanceNotice);
        // An escalated report is still this organ's record: only one that accuses its head is hidden.
        Assert.Equal(JsonValueKind.Object, escalated.GetProperty("report").ValueKind);
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.Transferred);
    }

    [Fact]
    public async Task A_report_accusing_the_head_is_bypassed_upwards_and_nothing_of_it_stays_readable_here()
    {
        var (receipt, caseId) = await host.NewCaseAsync(realName: true);
        var registered = await host.RegisterAsync(caseId, realName: true, accusesHead: true);
        registered.AssertRunning(DeadlineKind.Bypass, CaseJson.Calendar.AddWorkingDays(registered.ReceivedOn(), DeadlineRules.EscalationWorkingDays));
        Assert.DoesNotContain("accept", registered.AllowedActions());
        var accept = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/accept", "registrar1", new { });
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);

        var bypassed = await host.ActAsync("registrar1", caseId, "bypass", new { toOrganization = "某省纪委监委" });

        Assert.Equal("escalated", bypassed.Stage());
        Assert.Equal(JsonValueKind.Null, bypassed.GetProperty("report").ValueKind);
        Assert.Empty(bypassed.GetProperty("accused").EnumerateArray());
        Assert.Empty(bypassed.GetProperty("categories").EnumerateArray());
        Assert.Empty(bypassed.Messages());
        bypassed.AssertMet(DeadlineKind.Bypass);
        bypassed.AssertMet(DeadlineKind.AcceptanceNotice);
        Assert.Equal(new[] { "recuse" }, bypassed.AllowedActions());
        var read = await host.DetailAsync(caseId, "supervisor1");
        Assert.Equal(JsonValueKind.Null, read.GetProperty("report").ValueKind);
        Assert.Empty(read.GetProperty("accused").EnumerateArray());
        var listed = (await host.GetJsonAsync("registrar1", $"/api/cases?q={caseId}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("title").ValueKind);
        Assert.Equal(0, (await host.GetJsonAsync("registrar1", "/api/cases?q=张三&stage=escalated")).GetProperty("items").EnumerateArray()
            .Count(item => item.GetProperty("caseId").GetGuid() == caseId));
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.Transferred);
    }

    [Fact]
    public async Task A_report_that_does_not_accuse_the_head_cannot_be_bypassed()
    {
        var (_, caseId) = await host.RegisteredCaseAsync();

        var bypass = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/bypass", "registrar1", new { toOrganization = "某省纪委监委" });

        Assert.Equal(HttpStatusCode.Conflict, bypass.StatusCode);
        Assert.Equal(JsonValueKind.Object, (await host.DetailAsync(caseId)).GetProperty("report").ValueKind);
    }

    [Fact]
    public async Task A_report_transferred_down_awaits_the_lower_organs_answer_within_five_working_days()
    {
        var (receipt, caseId) = await host.RegisteredCaseAsync(realName: true);

        var transferred = await host.ActAsync("registrar1", caseId, "transfer", new { toOrganization = "某县纪委监委", reason = "属下级管辖", supervised = true });

        Assert.Equal("transferred", transferred.Stage());
        transferred.AssertMet(DeadlineKind.AcceptanceNotice);
        transferred.AssertRunning(DeadlineKind.TransferResponse,
            CaseJson.Calendar.AddWorkingDays(transferred.DayOf("case_transferred"), DeadlineRules.TransferResponseWorkingDays));
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.Transferred);

        var answered = await host.ActAsync("supervisor1", caseId, "record-transfer-response", new { response = "accepted", note = "已受理" });

        Assert.Equal("transferred", answered.Stage());
        answered.AssertMet(DeadlineKind.TransferResponse);
        Assert.Contains("transfer_response_recorded", answered.Events());
        var again = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/record-transfer-response", "registrar1", new { response = "re-routed", note = "" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.Transferred);
    }

    [Fact]
    public async Task A_declined_report_records_its_ground_and_the_informant_reads_that_it_was_not_accepted()
    {
        var (receipt, caseId) = await host.RegisteredCaseAsync(realName: true);
        var unknownGround = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/decline", "registrar1", new { reason = "属诉讼事项", ground = "gossip" });
        Assert.Equal(HttpStatusCode.BadRequest, unknownGround.StatusCode);

        var declined = await host.ActAsync("registrar1", caseId, "decline", new { reason = "属诉讼事项", ground = "litigation" });

        Assert.Equal("declined", declined.Stage());
        Assert.Contains("case_declined", declined.Events());
        declined.AssertMet(DeadlineKind.AcceptanceNotice);
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.NotAccepted);
    }

    [Fact]
    public async Task A_report_outside_scope_is_declined_without_naming_a_ground()
    {
        var (receipt, caseId) = await host.RegisteredCaseAsync(realName: false);

        var declined = await host.ActAsync("registrar1", caseId, "decline", new { reason = "不属于受理范围" });

        Assert.Equal("declined", declined.Stage());
        Assert.False(declined.HasDeadline(DeadlineKind.AcceptanceNotice), "an anonymous informant is owed no acceptance notice");
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.NotAccepted);
    }
}
