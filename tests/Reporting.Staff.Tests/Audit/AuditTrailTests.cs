using System.Net;
using System.Text.Json.Nodes;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.Staff.Tests.Hosting;

namespace Reporting.Staff.Tests.Audit;

public sealed class AuditTrailTests(StaffHost host) : IClassFixture<StaffHost>
{
    private static CaseAccessFacts Facts(string[]? recused = null) => CaseAccessFacts.Empty with
    {
        Assignees = new HashSet<string> { "registrar1" },
        Recused = new HashSet<string>(recused ?? []),
    };

    private async Task<JsonArray> AuditAsync(string query)
    {
        var response = await host.SendAsync(HttpMethod.Get, "/api/audit" + query, await host.SeededTokenAsync("auditor1"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(StaffHost.ProbeContent, body, StringComparison.Ordinal);
        Assert.DoesNotContain("某局长", body, StringComparison.Ordinal);
        return JsonNode.Parse(body)!["items"]!.AsArray();
    }

    [Fact]
    public async Task The_auditor_sees_a_registrars_read_with_user_case_and_time_and_no_report_content()
    {
        var caseId = host.CaseFacts.Add(Facts());
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var read = await host.SendAsync(HttpMethod.Get, $"/probe/cases/{caseId}", await host.SeededTokenAsync("registrar1"));
        Assert.Contains(StaffHost.ProbeContent, await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var entry = Assert.Single(await AuditAsync($"?caseId={caseId}"))!;
        Assert.Equal("registrar1", (string?)entry["username"]);
        Assert.Equal("case-read", (string?)entry["action"]);
        Assert.Equal(caseId, Guid.Parse((string)entry["caseId"]!));
        Assert.Equal("succeeded", (string?)entry["outcome"]);
        var at = DateTimeOffset.Parse((string)entry["at"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(at, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task A_recused_officers_attempt_to_read_is_refused_and_audited()
    {
        var caseId = host.CaseFacts.Add(Facts(recused: ["registrar1"]));

        var read = await host.SendAsync(HttpMethod.Get, $"/probe/cases/{caseId}", await host.SeededTokenAsync("registrar1"));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        var entry = Assert.Single(await AuditAsync($"?caseId={caseId}"))!;
        Assert.Equal(("registrar1", "refused", "Recused"), ((string?)entry["username"], (string?)entry["outcome"], (string?)entry["detail"]));
    }

    [Fact]
    public async Task A_refusal_by_role_outside_any_case_is_audited_too()
    {
        var response = await host.SendAsync(HttpMethod.Get, "/api/audit", await host.SeededTokenAsync("admin1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(await AuditAsync("?username=admin1"), entry => (string?)entry!["action"] == "request:audit:read" && (string?)entry["outcome"] == "refused");
    }

    [Fact]
    public async Task Logins_are_audited_by_username_and_outcome_with_no_trace_of_where_they_came_from()
    {
        var username = "publisher1";
        var failed = await host.SendAsync(HttpMethod.Post, "/api/auth/token", null, new { username, password = "not the password at all", totp = "" });
        Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        await host.SeededTokenAsync(username);

        var entries = (await AuditAsync($"?username={username}")).Where(entry => (string?)entry!["action"] == "login").ToList();
        Assert.Contains(entries, entry => (string?)entry!["outcome"] == "failed");
        Assert.Contains(entries, entry => (string?)entry!["outcome"] == "succeeded");
        var json = string.Join('\n', entries.Select(entry => entry!.ToJsonString()));
        Assert.DoesNotContain("127.0.0.1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("not the password", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registrar1")]
    [InlineData("admin1")]
    [InlineData("approver1")]
    public async Task Only_auditors_read_the_audit_trail(string username)
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Get, "/api/audit", await host.SeededTokenAsync(username))).StatusCode);
    }

    [Fact]
    public async Task Reading_the_audit_trail_is_itself_audited()
    {
        await AuditAsync("?username=nobody-at-all");

        Assert.Contains(await AuditAsync("?username=auditor1"), entry => (string?)entry!["action"] == "audit-read");
    }
}
