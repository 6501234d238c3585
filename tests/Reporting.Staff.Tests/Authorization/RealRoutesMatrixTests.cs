using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.Staff.Tests.Hosting;

namespace Reporting.Staff.Tests.Authorization;

/// <summary>
/// The authorization matrix again, on the real case routes of a real host: real cases submitted through Intake, real
/// facts folded from their streams, recusal through the real <c>recuse</c> action. Generated from the policy table ×
/// every role, plus the situations the rules name. Each case is first brought to a stage where the row's action is
/// allowed, so that an entitled role gets 200 and a refusal can only come from the rule under test, whose reason the
/// problem's detail must give.
/// </summary>
public sealed class RealRoutesMatrixTests(CaseRoutesHost host) : IClassFixture<CaseRoutesHost>
{
    private const string List = "list";

    /// <summary>The informant's file on the case <see cref="PrepareAsync"/> made for a download.</summary>
    private Guid _attachmentId = Guid.NewGuid();

    private static readonly string[] Meeting = ["supervisor1", "supervisor2", "approver1"];

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
            data.Add(policy.Action, permitted, "no-such-case");
            data.Add(policy.Action, permitted, "recused");
            if (policy.Conditions.HasFlag(CaseConditions.Assigned))
                data.Add(policy.Action, permitted, "not-assigned");
            if (policy.Conditions.HasFlag(CaseConditions.NotTheProposer))
                data.Add(policy.Action, StaffRoles.Approver, "own-proposal");
            if (policy.Conditions.HasFlag(CaseConditions.NotTheRequester))
                data.Add(policy.Action, StaffRoles.Approver, "own-request");
        }
        foreach (var role in StaffRoles.All)
            data.Add(List, role, "entitled");
        data.Add(List, StaffRoles.CaseHandlers[0], "unauthenticated");
        data.Add(List, StaffRoles.CaseHandlers[0], "recused");
        return data;
    }

    [Fact]
    public void The_matrix_has_at_least_150_cases()
    {
        Assert.True(Matrix().Count >= 150, $"{Matrix().Count} cases");
    }

    [Fact]
    public void Every_row_of_the_policy_table_is_driven_on_its_real_route()
    {
        var driven = Matrix().Select(row => (string)row[0]).ToHashSet();
        Assert.All(CasePolicies.All, policy => Assert.Contains(policy.Action, driven));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_real_route_answers_the_exact_status(string action, string role, string situation)
    {
        var roles = action == List ? StaffRoles.CaseHandlers : CasePolicies.Find(action)!.Roles;
        var username = situation is "own-proposal" or "own-request" ? CaseRoutesHost.SupervisingApprover : UserWith(role);
        var caseId = situation == "no-such-case" ? Guid.NewGuid() : await PrepareAsync(action, situation);
        if (situation == "recused")
            await host.ActAsync(username, caseId, "recuse", new { reason = "与被反映人系亲属关系" });

        var response = await RequestAsync(action, caseId, situation == "unauthenticated" ? null : username);

        var expected = Expected(action, roles, role, situation);
        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (RefusalOf(action, roles, role, situation) is { } refusal)
            Assert.Equal(refusal.Explain(), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        if (situation == "recused")
            await AssertRecusedCannotReadOrFindAsync(caseId, username);
        // Another approver decides the same proposal or request: the case was ready, and only the one who made it was refused.
        if (situation is "own-proposal" or "own-request")
            Assert.Equal(HttpStatusCode.OK, (await RequestAsync(action, caseId, "approver1")).StatusCode);
    }

    public static TheoryData<string> CaseHandlerRoles() => [.. StaffRoles.CaseHandlers];

    /// <summary>
    /// Nobody handles a report that may be about themselves: a case that names the user and their organization among
    /// the accused is closed to them as if they had recused themselves, and the list neither shows nor counts it.
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseHandlerRoles))]
    public async Task A_case_naming_the_user_among_the_accused_is_closed_to_them_on_every_real_route(string role)
    {
        var username = UserWith(role);
        var account = (await host.Services.GetRequiredService<IStaffAccounts>().FindAsync(username, default))!;
        var caseId = await host.SubmitAsync();
        await host.ActAsync("registrar1", caseId, "register", new
        {
            categories = new[] { "integrity" },
            accused = new[] { new { name = account.DisplayName, organization = account.Organization } },
            summary = "收受礼金",
            realName = false,
        });

        var read = await host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}", username);
        var recuse = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/recuse", username, new { reason = "本人即被反映人" });
        var byId = await ListAsync($"/api/cases?q={caseId}", username);
        var byOwnName = await ListAsync($"/api/cases?q={Uri.EscapeDataString(account.DisplayName)}", username);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(AccessRefusal.Recused.Explain(), (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, recuse.StatusCode);
        Assert.Equal((0, 0L), byId);
        Assert.Equal((0, 0L), byOwnName);
        var other = username == "supervisor1" ? "approver1" : "supervisor1";
        Assert.Equal((1, 1L), await ListAsync($"/api/cases?q={caseId}", other));
    }

    private async Task<(int Items, long Total)> ListAsync(string path, string username)
    {
        var response = await host.SendAsync(HttpMethod.Get, path, username);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (list.GetProperty("items").GetArrayLength(), list.GetProperty("total").GetInt64());
    }

    private static HttpStatusCode Expected(string action, IReadOnlyList<string> roles, string role, string situation) => situation switch
    {
        "unauthenticated" => HttpStatusCode.Unauthorized,
        _ when !roles.Contains(role) => HttpStatusCode.Forbidden,
        // The list answers the recused too: without the case (AssertRecusedCannotReadOrFindAsync).
        "recused" when action == List => HttpStatusCode.OK,
        "no-such-case" => HttpStatusCode.NotFound,
        "entitled" => HttpStatusCode.OK,
        _ => HttpStatusCode.Forbidden,
    };

    /// <summary>The rule that must be the one to refuse, when one must.</summary>
    private static AccessRefusal? RefusalOf(string action, IReadOnlyList<string> roles, string role, string situation) => situation switch
    {
        "unauthenticated" => null,
        _ when !roles.Contains(role) => AccessRefusal.MissingRole,
        "recused" when action == List => null,
        "recused" => AccessRefusal.Recused,
        "not-assigned" => AccessRefusal.NotAssigned,
        "own-proposal" => AccessRefusal.OwnProposal,
        "own-request" => AccessRefusal.OwnIdentityRequest,
        _ => null,
    };

    /// <summary>Once recused, the user can neither read the case nor find it in the list, while others still do.</summary>
    private async Task AssertRecusedCannotReadOrFindAsync(Guid caseId, string username)
    {
        var read = await host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}", username);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(AccessRefusal.Recused.Explain(), (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0, await FoundInListAsync(caseId, username));
        Assert.Equal(1, await FoundInListAsync(caseId, username == "supervisor1" ? "approver1" : "supervisor1"));
    }

    private async Task<int> FoundInListAsync(Guid caseId, string username)
    {
        var response = await host.SendAsync(HttpMethod.Get, $"/api/cases?q={caseId}", username);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
    }

    private async Task<HttpResponseMessage> RequestAsync(string action, Guid caseId, string? username) => action switch
    {
        List => await host.SendAsync(HttpMethod.Get, "/api/cases", username),
        CasePolicies.Read => await host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}", username),
        CasePolicies.DownloadAttachment => await host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/attachments/{_attachmentId}", username),
        _ => await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/{action}", username, await BodyAsync(action)),
    };

    /// <summary>A body with which the action succeeds on the case <see cref="PrepareAsync"/> made for it.</summary>
    private async Task<object> BodyAsync(string action) => action switch
    {
        "register" => Registration,
        "mark-duplicate" => new { ofCaseId = await host.SubmitAsync() },
        "file-no-substance" or "escalate" or "decline" => new { reason = "依规处理" },
        "transfer" => new { toOrganization = "某县纪委监委", reason = "属下级管辖" },
        "propose-disposition" => new { method = "park", reason = "暂存待查", collectiveReview = Meeting },
        "approve" => new { comment = "同意" },
        "reject" => new { comment = "不同意" },
        "assign" => new { usernames = new[] { "supervisor2" } },
        "submit-verification-report" => new { findings = "部分属实", recommendation = "file-case" },
        "propose-filing" => new { reason = "违纪事实清楚", collectiveReview = Meeting },
        "submit-investigation-report" => new { findings = "查明违纪事实" },
        "submit-review-report" => new
        {
            findings = "违反中央八项规定精神",
            proposedSanctions = new[] { new { kind = "party", type = "warning" } },
            collectiveReview = new[] { "reviewer1", "approver1" },
        },
        "close" => new { outcomeForInformant = "经研究，予以了结。" },
        "send-message" => new { body = "请补充材料。" },
        "recuse" => new { reason = "与被反映人系同学关系" },
        CasePolicies.RequestIdentity => new { reason = "需向举报人核实具体情况" },
        CasePolicies.GrantIdentity => new { comment = "同意调阅" },
        CasePolicies.RefuseIdentity => new { reason = "现有材料足以核实" },
        _ => new { },
    };

    private static readonly object Registration = RegistrationOf(realName: false);

    private static object RegistrationOf(bool realName) => new
    {
        categories = new[] { "integrity" },
        accused = new[] { new { name = "张三", position = "局长", organization = "某市某局" } },
        summary = "收受礼金",
        realName,
    };

    /// <summary>
    /// A new case in a stage where the action is allowed to anyone the table entitles. For the actions only assigned
    /// staff take, the row's first entitled user is on the team but when the situation is that they are not; the
    /// proposal or identity request awaiting a decision is supervisor1's but when the situation is that it is the
    /// decider's own. The identity rows take a real-name report, the only kind with an identity to open.
    /// </summary>
    private async Task<Guid> PrepareAsync(string action, string situation)
    {
        var assignActor = situation != "not-assigned";
        var proposer = situation == "own-proposal" ? CaseRoutesHost.SupervisingApprover : "supervisor1";
        if (action == CasePolicies.DownloadAttachment)
        {
            (var withFile, _attachmentId) = await host.SubmitWithAttachmentAsync();
            return withFile;
        }
        var realName = action is CasePolicies.RequestIdentity or CasePolicies.GrantIdentity or CasePolicies.RefuseIdentity;
        var caseId = await host.SubmitAsync(realName);
        if (action == "register")
            return caseId;
        await host.ActAsync("registrar1", caseId, "register", RegistrationOf(realName));
        switch (action)
        {
            case "mark-duplicate" or "file-no-substance" or "escalate" or "transfer" or "decline" or "accept":
                return caseId;
        }
        await host.ActAsync("registrar1", caseId, "accept");
        switch (action)
        {
            case "approve" or "reject":
                await host.ActAsync(proposer, caseId, "propose-disposition", new { method = "park", reason = "暂存待查", collectiveReview = Meeting });
                return caseId;
            case "close":
                await host.ActAsync("supervisor1", caseId, "propose-disposition", new { method = "close-no-action", reason = "予以了结", collectiveReview = Meeting });
                await host.ActAsync("approver2", caseId, "approve", new { comment = "同意" });
                return caseId;
            case CasePolicies.RequestIdentity:
                await host.ActAsync("approver2", caseId, "assign", new { usernames = assignActor ? new[] { "supervisor1", "investigator1" } : ["investigator1"] });
                return caseId;
            case CasePolicies.GrantIdentity or CasePolicies.RefuseIdentity:
                var requester = situation == "own-request" ? CaseRoutesHost.SupervisingApprover : "supervisor1";
                await host.ActAsync("approver2", caseId, "assign", new { usernames = new[] { requester } });
                await host.ActAsync(requester, caseId, CasePolicies.RequestIdentity, new { reason = "需向举报人核实具体情况" });
                return caseId;
            case "send-message":
                string[] handlers = ["registrar1", "supervisor1", "investigator1", "reviewer1", "approver1"];
                await host.ActAsync("approver2", caseId, "assign", new { usernames = assignActor ? handlers : handlers[1..] });
                return caseId;
            case "submit-verification-report" or "propose-filing" or "submit-investigation-report" or "submit-review-report":
                break;
            default:
                return caseId;
        }
        await host.ActAsync("supervisor1", caseId, "propose-disposition", new { method = "preliminary-verification", reason = "线索具体", collectiveReview = Meeting });
        await host.ActAsync("approver2", caseId, "approve", new { comment = "同意" });
        await host.ActAsync("approver2", caseId, "assign", new { usernames = action == "submit-verification-report" && !assignActor ? ["supervisor2"] : new[] { "supervisor1", "supervisor2" } });
        if (action == "submit-verification-report")
            return caseId;
        await host.ActAsync("supervisor1", caseId, "submit-verification-report", new { findings = "部分属实", recommendation = "file-case" });
        await host.ActAsync("supervisor2", caseId, "sign-verification-report");
        if (action == "propose-filing")
            return caseId;
        await host.ActAsync("supervisor1", caseId, "propose-filing", new { reason = "违纪事实清楚", collectiveReview = Meeting });
        await host.ActAsync("approver1", caseId, "approve", new { comment = "同意立案" });
        await host.ActAsync("approver2", caseId, "approve", new { comment = "同意立案" });
        await host.ActAsync("approver2", caseId, "assign", new { usernames = action == "submit-investigation-report" && !assignActor ? ["investigator2"] : new[] { "investigator1", "investigator2" } });
        if (action == "submit-investigation-report")
            return caseId;
        await host.ActAsync("investigator1", caseId, "submit-investigation-report", new { findings = "查明违纪事实" });
        await host.ActAsync("reviewer1", caseId, "record-defence", new { statement = "无异议" });
        return caseId;
    }
}
