using Reporting.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>Opening a real-name informant's identity through the real host: asked, decided by another, read, audited.</summary>
public sealed class IdentityRequestsOverHttpTests(CaseHost host) : IClassFixture<CaseHost>
{
    private static readonly object Request = new { reason = "需向举报人核实具体情况" };

    /// <summary>An accepted case with supervisor1 and investigator1 on its team.</summary>
    private async Task<Guid> HandledCaseAsync(bool realName)
    {
        var (_, caseId) = await host.AcceptedCaseAsync(realName);
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "supervisor1", "investigator1" } });
        return caseId;
    }

    private Task<HttpResponseMessage> ActionAsync(string username, Guid caseId, string action, object body) =>
        host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/{action}", username, body);

    [Fact]
    public async Task Asked_by_an_investigator_granted_by_another_approver_read_by_the_requester_alone_and_audited()
    {
        var caseId = await HandledCaseAsync(realName: true);

        var requested = await host.ActAsync("investigator1", caseId, "request-identity", Request);
        var selfGrant = await ActionAsync("investigator1", caseId, "grant-identity", new { comment = "同意" });
        var granted = await host.ActAsync("approver2", caseId, "grant-identity", new { comment = "同意调阅" });
        var requester = await host.DetailAsync(caseId, "investigator1");
        var colleague = await host.DetailAsync(caseId, "supervisor1");

        Assert.Equal(JsonValueKind.Null, requested.GetProperty("identity").ValueKind);
        Assert.Equal(HttpStatusCode.Forbidden, selfGrant.StatusCode);
        Assert.Equal(JsonValueKind.Null, granted.GetProperty("identity").ValueKind);
        Assert.Equal("李四", requester.GetProperty("identity").GetProperty("name").GetString());
        Assert.Equal("13800000000", requester.GetProperty("identity").GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, colleague.GetProperty("identity").ValueKind);
        Assert.True(colleague.GetProperty("realName").GetBoolean());
        Assert.DoesNotContain("李四", colleague.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["identity_requested", "identity_granted"], requester.Events().Where(name => name.StartsWith("identity_", StringComparison.Ordinal)));

        var audit = await host.SendAsync(HttpMethod.Get, $"/api/audit?caseId={caseId}", "auditor1");
        var trail = await audit.Content.ReadAsStringAsync();
        var reads = JsonDocument.Parse(trail).RootElement.GetProperty("items").EnumerateArray()
            .Where(item => item.GetProperty("action").GetString() == "identity-read").ToList();
        var read = Assert.Single(reads);
        Assert.Equal("investigator1", read.GetProperty("username").GetString());
        Assert.Equal("succeeded", read.GetProperty("outcome").GetString());
        Assert.DoesNotContain("李四", trail, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_actions_answer_that_carries_the_identity_is_audited_as_a_read_too()
    {
        var caseId = await HandledCaseAsync(realName: true);
        await host.ActAsync("investigator1", caseId, "request-identity", Request);
        await host.ActAsync("approver2", caseId, "grant-identity", new { comment = "同意调阅" });

        var answer = await host.ActAsync("investigator1", caseId, "send-message", new { body = "请提供联系方式以便约谈。" });

        Assert.Equal("李四", answer.GetProperty("identity").GetProperty("name").GetString());
        var trail = await host.GetJsonAsync("auditor1", $"/api/audit?caseId={caseId}");
        Assert.Single(trail.GetProperty("items").EnumerateArray(), item =>
            item.GetProperty("action").GetString() == "identity-read" && item.GetProperty("username").GetString() == "investigator1");
    }

    [Fact]
    public async Task A_refused_request_opens_nothing_and_may_be_made_again()
    {
        var caseId = await HandledCaseAsync(realName: true);
        await host.ActAsync("supervisor1", caseId, "request-identity", Request);

        await host.ActAsync("approver1", caseId, "refuse-identity", new { reason = "现有材料足以核实" });
        var detail = await host.DetailAsync(caseId, "supervisor1");

        Assert.Contains("request-identity", detail.AllowedActions());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("identity").ValueKind);
    }

    /// <summary>
    /// 409, not 400: the body is well formed and the caller is entitled; it is the case (anonymous from its submission)
    /// that rules the action out, as every refusal by the case's state is a conflict.
    /// </summary>
    [Fact]
    public async Task An_anonymous_reports_identity_cannot_be_asked_for()
    {
        var caseId = await HandledCaseAsync(realName: false);

        var response = await ActionAsync("investigator1", caseId, "request-identity", Request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("anonymous", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("request-identity", (await host.DetailAsync(caseId, "investigator1")).AllowedActions());
    }

    [Fact]
    public async Task A_requester_who_recuses_is_refused_the_case_and_the_grant_with_it()
    {
        var caseId = await HandledCaseAsync(realName: true);
        await host.ActAsync("investigator1", caseId, "request-identity", Request);
        await host.ActAsync("approver2", caseId, "grant-identity", new { comment = "同意调阅" });

        await host.ActAsync("investigator1", caseId, "recuse", new { reason = "与举报人系同事" });
        var read = await host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}", "investigator1");

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.DoesNotContain("李四", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
