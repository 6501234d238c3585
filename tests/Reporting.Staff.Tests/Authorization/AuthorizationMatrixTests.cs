using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.Staff.Tests.Hosting;

namespace Reporting.Staff.Tests.Authorization;

/// <summary>
/// Generated from the policy table: every case action and read, by every role, and in every situation the rules
/// name (unauthenticated, recused by word or by name, unassigned, own proposal, own identity request, investigated,
/// reviewed, no such case), over HTTP through the real authentication and case access filter. The expected status
/// follows from the table's data and the situation alone.
/// </summary>
public sealed class AuthorizationMatrixTests(StaffHost host) : IClassFixture<StaffHost>
{
    private const string Someone = "someone-else";

    /// <summary>A seeded user who holds exactly that role.</summary>
    private static string UserWith(string role) => role + "1";

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var policy in CasePolicies.All)
        {
            foreach (var role in StaffRoles.All)
                data.Add(policy.Action, role, "entitled");
            var permitted = policy.Roles[0];
            data.Add(policy.Action, permitted, "unauthenticated");
            data.Add(policy.Action, permitted, "recused");
            data.Add(policy.Action, permitted, "accused-by-name");
            data.Add(policy.Action, permitted, "no-such-case");
            if (policy.Conditions.HasFlag(CaseConditions.Assigned))
                data.Add(policy.Action, permitted, "unassigned");
            if (policy.Conditions.HasFlag(CaseConditions.NotTheProposer))
                data.Add(policy.Action, permitted, "own-proposal");
            if (policy.Conditions.HasFlag(CaseConditions.NotTheRequester))
                data.Add(policy.Action, permitted, "own-identity-request");
            if (policy.Conditions.HasFlag(CaseConditions.NeverInvestigatedIt))
                data.Add(policy.Action, permitted, "investigated-it");
            if (policy.Conditions.HasFlag(CaseConditions.NeverReviewedIt))
                data.Add(policy.Action, permitted, "reviewed-it");
        }
        return data;
    }

    [Fact]
    public void The_matrix_has_at_least_150_cases()
    {
        Assert.True(Matrix().Count >= 150, $"{Matrix().Count} cases");
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_action_answers_the_exact_status(string action, string role, string situation)
    {
        var policy = CasePolicies.Find(action)!;
        var username = UserWith(role);
        var account = await host.Services.GetRequiredService<IStaffAccounts>().FindAsync(username, default);
        var facts = FactsFor(situation, username, new PersonAtOrganization(account!.DisplayName, account.Organization));
        var caseId = situation == "no-such-case" ? Guid.NewGuid() : host.CaseFacts.Add(facts);
        var token = situation == "unauthenticated" ? null : await host.SeededTokenAsync(username);

        var response = action switch
        {
            CasePolicies.Read => await host.SendAsync(HttpMethod.Get, $"/probe/cases/{caseId}", token),
            CasePolicies.DownloadAttachment => await host.SendAsync(HttpMethod.Get, $"/probe/cases/{caseId}/attachments/{Guid.NewGuid()}", token),
            _ => await host.SendAsync(HttpMethod.Post, $"/probe/cases/{caseId}/actions/{action}", token, new { }),
        };

        Assert.Equal(Expected(policy, role, situation), response.StatusCode);
        if (response.StatusCode != HttpStatusCode.OK)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static HttpStatusCode Expected(CaseActionPolicy policy, string role, string situation) => situation switch
    {
        "unauthenticated" => HttpStatusCode.Unauthorized,
        _ when !policy.Roles.Contains(role) => HttpStatusCode.Forbidden,
        "no-such-case" => HttpStatusCode.NotFound,
        "entitled" => HttpStatusCode.OK,
        _ => HttpStatusCode.Forbidden,
    };

    /// <summary>Facts under which the user is entitled to everything, but for the one thing the situation changes.</summary>
    private static CaseAccessFacts FactsFor(string situation, string username, PersonAtOrganization self) => new(
        Assignees: new HashSet<string> { situation == "unassigned" ? Someone : username },
        Recused: new HashSet<string> { situation == "recused" ? username : Someone },
        PendingProposalBy: situation == "own-proposal" ? username : Someone,
        Investigators: new HashSet<string> { situation == "investigated-it" ? username : Someone },
        Reviewers: new HashSet<string> { situation == "reviewed-it" ? username : Someone },
        PendingIdentityRequestBy: situation == "own-identity-request" ? username : Someone,
        RegisteredAccused: situation == "accused-by-name" ? [self] : [new PersonAtOrganization("张三", "某县水利局")]);
}
