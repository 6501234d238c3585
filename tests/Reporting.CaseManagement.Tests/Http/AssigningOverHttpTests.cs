using Reporting.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Staff.Accounts;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>Only active staff accounts that work on cases join a case's team; the problem names each unfit name by its place.</summary>
public sealed class AssigningOverHttpTests(CaseHost host) : IClassFixture<CaseHost>
{
    [Fact]
    public async Task Names_without_an_account_or_without_a_case_handling_role_are_refused_and_the_team_stays_as_it_was()
    {
        var (_, caseId) = await host.AcceptedCaseAsync();
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "supervisor1" } });

        var response = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/assign", "approver1",
            new { usernames = new[] { "supervisor2", "supervisr1", "auditor1", "publisher1", "investigator1" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["usernames[1]", "usernames[2]", "usernames[3]"], errors.EnumerateObject().Select(error => error.Name).Order());
        Assert.Contains("no staff account", errors.GetProperty("usernames[1]")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("no role that works on cases", errors.GetProperty("usernames[2]")[0].GetString(), StringComparison.Ordinal);
        var detail = await host.DetailAsync(caseId, "approver1");
        Assert.Equal(["supervisor1"], detail.GetProperty("assignees").EnumerateArray().Select(name => name.GetString()!));
    }

    [Fact]
    public async Task A_disabled_account_is_not_assigned()
    {
        var (_, caseId) = await host.AcceptedCaseAsync();
        var administration = host.Services.GetRequiredService<AccountAdministration>();
        await administration.AddAsync("supervisor-left", "已调离", "某市纪委监委", ["supervisor"], "a long enough pass phrase 2026", "admin1", CancellationToken.None);
        await administration.DisableAsync("supervisor-left", "admin1", CancellationToken.None);

        var response = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/assign", "approver1", new { usernames = new[] { "supervisor-left" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("disabled", errors.GetProperty("usernames[0]")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_right_to_assign_the_caller_is_refused_for_that_before_the_names_are_looked_at()
    {
        var (_, caseId) = await host.AcceptedCaseAsync();

        var response = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/assign", "investigator1", new { usernames = new[] { "nobody-here" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
