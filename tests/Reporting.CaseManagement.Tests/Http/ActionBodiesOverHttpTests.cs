using Reporting.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>
/// Action bodies as clients really send them, through the real host: JSON with nulls where the contract expects
/// objects is a problem of the request (400), never a failure of the server, and changes nothing.
/// </summary>
public sealed class ActionBodiesOverHttpTests(CaseHost host) : IClassFixture<CaseHost>
{
    private async Task<HttpResponseMessage> PostRawAsync(string username, Guid caseId, string action, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/actions/{action}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", await host.TokenAsync(username));
        return await host.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("""{ "categories": ["integrity"], "accused": [null], "summary": "收受礼金", "realName": false }""")]
    [InlineData("""{ "categories": [null], "accused": [{ "name": "张三" }], "summary": "收受礼金", "realName": false }""")]
    [InlineData("""{ "categories": ["integrity"], "accused": [{ "name": null }], "summary": null, "realName": false }""")]
    public async Task A_registration_with_nulls_among_its_items_is_refused_and_the_case_stays_submitted(string body)
    {
        var (_, caseId) = await host.NewCaseAsync();

        var response = await PostRawAsync("registrar1", caseId, "register", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("submitted", (await host.DetailAsync(caseId)).Stage());
    }

    [Theory]
    [InlineData("""{ "findings": "违纪", "proposedSanctions": [null], "collectiveReview": ["reviewer1", "approver1"] }""")]
    [InlineData("""{ "findings": "违纪", "proposedSanctions": [{ "kind": null, "type": null }], "collectiveReview": ["reviewer1", null] }""")]
    public async Task A_review_report_with_nulls_among_its_sanctions_is_refused_and_no_decision_is_pending(string body)
    {
        var (_, caseId) = await host.InvestigatingCaseAsync();
        await host.ActAsync("investigator1", caseId, "submit-investigation-report", new { findings = "查明违纪事实" });
        await host.ActAsync("reviewer1", caseId, "record-defence", new { statement = "无异议" });

        var response = await PostRawAsync("reviewer1", caseId, "submit-review-report", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = await host.DetailAsync(caseId);
        Assert.Equal("under-review", detail.Stage());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("pendingProposal").ValueKind);
    }

    [Fact]
    public async Task An_appeal_varied_with_a_null_sanction_is_refused_and_stays_open()
    {
        var (_, caseId) = await host.DecidedCaseAsync();
        await host.ActAsync("reviewer1", caseId, "lodge-appeal", new { kind = "review", grounds = "过重" });

        var response = await PostRawAsync("approver1", caseId, "decide-appeal", """{ "outcome": "varied", "comment": "改为警告", "sanctions": [null] }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("decide-appeal", (await host.DetailAsync(caseId, "approver1")).AllowedActions());
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_object_is_refused()
    {
        var (_, caseId) = await host.NewCaseAsync();

        var literal = await PostRawAsync("registrar1", caseId, "register", "null");
        var array = await PostRawAsync("registrar1", caseId, "register", "[]");

        Assert.Equal(HttpStatusCode.BadRequest, literal.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, array.StatusCode);
        Assert.True((await literal.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("errors", out _));
    }
}
