using Reporting.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>
/// The contract's main path through the real host: an informant's report becomes a case, is registered, accepted,
/// verified, filed, investigated, reviewed, decided and closed by the staff who may take each step, and the informant
/// reads the outcome with the receipt alone.
/// </summary>
public sealed class MainPathOverHttpTests(CaseHost host) : IClassFixture<CaseHost>
{
    private static readonly string[] Meeting = ["supervisor1", "supervisor2", "approver1"];

    [Fact]
    public async Task A_report_is_handled_from_submission_to_a_decided_closed_case_and_the_informant_reads_the_outcome()
    {
        var (receipt, caseId) = await host.NewCaseAsync(realName: true);

        var submitted = await host.GetJsonAsync("registrar1", $"/api/cases/{caseId}");
        Assert.Equal("submitted", submitted.GetProperty("stage").GetString());
        Assert.Equal("二〇二六年春节前后多次收受管理服务对象所送礼金和购物卡，数额较大。", submitted.GetProperty("report").GetProperty("details").GetString());
        Assert.Contains("register", submitted.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        await host.ActAsync("registrar1", caseId, "register", new
        {
            categories = new[] { "integrity", "eight-point-rules" },
            accused = new[] { new { name = "张三", position = "局长", organization = "某市某局" } },
            summary = "收受礼金和购物卡",
            realName = true,
        });
        var accepted = await host.ActAsync("registrar1", caseId, "accept");
        Assert.Equal("accepted", accepted.GetProperty("stage").GetString());
        Assert.Contains(accepted.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "acceptance-notice");
        Assert.Equal("accepted", (await host.InformantStatusAsync(receipt)).GetProperty("stage").GetString());

        await host.ActAsync("supervisor1", caseId, "propose-disposition", new { method = "preliminary-verification", reason = "线索具体", collectiveReview = Meeting });
        await host.ActAsync("approver1", caseId, "approve", new { comment = "同意" });
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "supervisor1", "supervisor2" } });
        await host.ActAsync("supervisor1", caseId, "submit-verification-report", new { findings = "部分属实", recommendation = "file-case" });
        await host.ActAsync("supervisor2", caseId, "sign-verification-report");
        await host.ActAsync("supervisor1", caseId, "propose-filing", new { reason = "违纪事实清楚", collectiveReview = Meeting });
        await host.ActAsync("approver1", caseId, "approve", new { comment = "同意立案" });
        var filed = await host.ActAsync("approver2", caseId, "approve", new { comment = "同意立案" });
        Assert.Equal("investigating", filed.GetProperty("stage").GetString());

        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "investigator1", "investigator2" } });
        await host.ActAsync("investigator1", caseId, "submit-investigation-report", new { findings = "查明违纪事实" });
        await host.ActAsync("reviewer1", caseId, "record-defence", new { statement = "本人承认收受礼金" });
        await host.ActAsync("reviewer1", caseId, "submit-review-report", new
        {
            findings = "违反中央八项规定精神",
            proposedSanctions = new[] { new { kind = "party", type = "serious-warning" } },
            collectiveReview = new[] { "reviewer1", "approver1" },
        });
        var decided = await host.ActAsync("approver1", caseId, "approve", new { comment = "同意" });
        Assert.Equal("decided", decided.GetProperty("stage").GetString());

        var closed = await host.ActAsync("registrar1", caseId, "close", new { outcomeForInformant = "经查，反映的问题基本属实，已给予党内严重警告处分。" });
        Assert.Equal("closed", closed.GetProperty("stage").GetString());

        var status = await host.InformantStatusAsync(receipt);
        Assert.Equal("concluded", status.GetProperty("stage").GetString());
        Assert.Equal("经查，反映的问题基本属实，已给予党内严重警告处分。", status.GetProperty("feedback").GetString());

        var list = await host.GetJsonAsync("registrar1", $"/api/cases?stage=closed&q={caseId}");
        Assert.Equal(1, list.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_case_detail_carries_its_version_as_ETag_and_a_stale_If_Match_changes_nothing()
    {
        var (_, caseId) = await host.NewCaseAsync();
        var read = await host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}", "registrar1");
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var register = new
        {
            categories = new[] { "integrity" },
            accused = new[] { new { name = "王五", organization = "某县某局" } },
            summary = "收受礼金",
            realName = false,
        };

        var stale = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/register", "registrar1", register, ifMatch: "\"7\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal("submitted", (await host.GetJsonAsync("registrar1", $"/api/cases/{caseId}")).GetProperty("stage").GetString());

        var current = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/register", "registrar1", register, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        // Registration records the report and its case number: two events.
        Assert.Equal("\"3\"", current.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Refusals_are_problems_with_the_status_of_their_kind_and_change_nothing()
    {
        var (_, caseId) = await host.NewCaseAsync();

        var invalid = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/register", "registrar1", new { categories = new[] { "gossip" } });
        var wrongRole = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/register", "investigator1", new { });
        var wrongStage = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/accept", "registrar1", new { });
        var unknown = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/bury", "registrar1", new { });
        var noCase = await host.SendAsync(HttpMethod.Post, $"/api/cases/{Guid.NewGuid()}/actions/accept", "registrar1", new { });
        var badJson = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/actions/register")
        {
            Content = new StringContent("{\"categories\": 5}", System.Text.Encoding.UTF8, "application/json"),
        };
        badJson.Headers.Authorization = new("Bearer", await host.TokenAsync("registrar1"));
        var malformed = await host.Client.SendAsync(badJson);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("categories[0]", out _));
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, wrongStage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noCase.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        foreach (var response in new[] { invalid, wrongRole, wrongStage, unknown, noCase, malformed })
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = await host.GetJsonAsync("registrar1", $"/api/cases/{caseId}");
        Assert.Equal(1, detail.GetProperty("version").GetInt64());
    }
}
