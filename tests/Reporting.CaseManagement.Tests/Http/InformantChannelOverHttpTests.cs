using Reporting.Testing;
using System.Net;
using System.Text.Json;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>
/// The anonymous conversation between the office and the informant, through the real host: staff write through the
/// case, the informant reads and answers with the receipt alone; the office's words are sealed to the informant's
/// mailbox, so staff see that they were sent, and the informant's words are opened for staff.
/// </summary>
public sealed class InformantChannelOverHttpTests(CaseHost host) : IClassFixture<CaseHost>
{
    [Fact]
    public async Task A_message_from_assigned_staff_reaches_the_informants_status_page_and_the_informants_answer_reaches_the_case()
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync(realName: false);
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "supervisor1" } });

        var sent = await host.ActAsync("supervisor1", caseId, "send-message", new { body = "请补充被反映人收受礼金的具体时间。" });

        var office = Assert.Single(sent.Messages());
        Assert.Equal("office", office.GetProperty("from").GetString());
        Assert.Equal("请补充被反映人收受礼金的具体时间。", office.GetProperty("body").GetString());
        Assert.Equal("supervisor1", office.GetProperty("by").GetString());
        var status = await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.Accepted);
        var received = Assert.Single(status.Messages());
        Assert.Equal("office", received.GetProperty("from").GetString());
        Assert.Equal("请补充被反映人收受礼金的具体时间。", received.GetProperty("body").GetString());

        await host.InformantWritesAsync(receipt, "时间是二〇二六年一月二十日晚。");

        var answered = await host.DetailAsync(caseId, "supervisor1");
        Assert.Equal(new[] { "office", "informant" }, answered.Messages().Select(message => message.GetProperty("from").GetString()!));
        Assert.Equal("时间是二〇二六年一月二十日晚。", answered.Messages().Last().GetProperty("body").GetString());
        var thread = (await host.InformantStatusAsync(receipt)).Messages().ToList();
        Assert.Equal(new[] { "office", "informant" }, thread.Select(message => message.GetProperty("from").GetString()!));
        Assert.Equal("时间是二〇二六年一月二十日晚。", thread[1].GetProperty("body").GetString());
        await host.AssertInformantSeesAsync(receipt, caseId, InformantStages.Accepted);
    }

    [Fact]
    public async Task Staff_not_assigned_to_the_case_cannot_write_to_the_informant()
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync();
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "supervisor1" } });

        var response = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/send-message", "supervisor2", new { body = "请补充材料。" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty((await host.InformantStatusAsync(receipt)).Messages());
    }

    [Fact]
    public async Task Once_a_report_has_gone_to_another_organ_this_office_no_longer_writes_to_the_informant()
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync();
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "supervisor1" } });
        var (otherReceipt, transferred) = await host.RegisteredCaseAsync();
        await host.ActAsync("approver1", transferred, "assign", new { usernames = new[] { "supervisor1" } });
        await host.ActAsync("registrar1", transferred, "transfer", new { toOrganization = "某县纪委监委", reason = "属下级管辖" });

        var refused = await host.SendAsync(HttpMethod.Post, $"/api/cases/{transferred}/actions/send-message", "supervisor1", new { body = "请补充材料。" });
        await host.ActAsync("supervisor1", caseId, "send-message", new { body = "请补充材料。" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Empty((await host.InformantStatusAsync(otherReceipt)).Messages());
        Assert.Single((await host.InformantStatusAsync(receipt)).Messages());
    }

    [Fact]
    public async Task An_empty_message_is_refused_and_nothing_reaches_the_informant()
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync();
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "supervisor1" } });

        var response = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/send-message", "supervisor1", new { body = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await host.InformantStatusAsync(receipt)).Messages());
    }

    /// <summary>Nothing can be "handled" as a request for protection that the informant never made.</summary>
    [Fact]
    public async Task Without_a_request_for_protection_from_the_informant_there_is_none_to_handle()
    {
        var (_, caseId) = await host.AcceptedCaseAsync();

        var response = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/handle-protection-request", "approver1", new { measures = "已通知所在单位" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = await host.DetailAsync(caseId, "approver1");
        Assert.Equal(0, detail.GetProperty("openProtectionRequests").GetInt32());
        Assert.DoesNotContain("handle-protection-request", detail.AllowedActions());
    }
}
