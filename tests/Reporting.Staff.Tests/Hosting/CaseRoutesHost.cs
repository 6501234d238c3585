using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.Intake.Receipts;
using Reporting.Testing;

namespace Reporting.Staff.Tests.Hosting;

/// <summary>
/// The real host in Development with nothing put in place of its case facts: cases are submitted through Intake and
/// moved along by the seeded staff through the real case routes. Beside the seeded users it holds one who is both a
/// supervisor and an approver, the only kind of user who could be tempted to approve their own proposal.
/// </summary>
public sealed class CaseRoutesHost : ReportingHost
{
    public const string DevelopmentPassword = "dev-password-change-me";

    /// <summary>Supervisor and approver at once.</summary>
    public const string SupervisingApprover = "lead1";

    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Intake:ProofOfWork:Difficulty"] = "0";
        settings["Intake:Flood:BurstSize"] = "100000";
        settings["Intake:Limits:AttachmentDirectory"] = Path.Combine(TestCluster.NewFolder(), "attachments");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var now = DateTimeOffset.UtcNow;
        var hash = Services.GetRequiredService<IPasswordHashing>().Hash(DevelopmentPassword);
        await Services.GetRequiredService<IStaffAccounts>().CreateAsync(
            new AccountCreated(SupervisingApprover, "分管领导兼监督 Lead One", "某市纪委监委", now),
            [new RoleGranted(StaffRoles.Supervisor, "test", now), new RoleGranted(StaffRoles.Approver, "test", now), new PasswordChanged(hash, now)],
            CancellationToken.None);
    }

    /// <summary>One token per user for the whole fixture: logins are deliberately slow.</summary>
    public Task<string> TokenAsync(string username) => _tokens.GetOrAdd(username, async name =>
    {
        var response = await Client.PostAsJsonAsync("/api/auth/token", new { username = name, password = DevelopmentPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    });

    /// <summary>An informant's report, anonymous unless asked; its case id follows from the receipt, as Intake derives it.</summary>
    public async Task<Guid> SubmitAsync(bool realName = false) => ReceiptKeys.CaseId(ReceiptCode.Parse(await SubmitForReceiptAsync(realName)).Receipt!);

    /// <summary>An anonymous report with a file the informant added afterwards.</summary>
    public async Task<(Guid CaseId, Guid AttachmentId)> SubmitWithAttachmentAsync()
    {
        var receipt = await SubmitForReceiptAsync(realName: false);
        var form = new MultipartFormDataContent
        {
            { new StringContent(receipt), "receipt" },
            { new ByteArrayContent("转账记录：2026年1月15日 50000元"u8.ToArray()), "file", "转账记录.txt" },
        };
        var uploaded = await Client.PostAsync(new Uri("/api/intake/attachments", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var attachmentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attachmentId").GetGuid();
        return (ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!), attachmentId);
    }

    private async Task<string> SubmitForReceiptAsync(bool realName)
    {
        var challenge = await (await Client.PostAsync(new Uri("/api/intake/challenges", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        var body = new JsonObject
        {
            ["report"] = new JsonObject
            {
                ["accused"] = new JsonArray(new JsonObject { ["name"] = "张三", ["position"] = "局长", ["organization"] = "某市某局" }),
                ["categories"] = new JsonArray("integrity"),
                ["title"] = "违规收受礼金",
                ["details"] = "二〇二六年春节前后多次收受管理服务对象所送礼金和购物卡。",
                ["occurredFrom"] = "2026-01-15",
                ["language"] = "zh-CN",
                ["informant"] = realName ? new JsonObject { ["name"] = "李四", ["phone"] = "13800000000" } : null,
            },
            ["proofOfWork"] = new JsonObject { ["challenge"] = challenge.GetProperty("challenge").GetString(), ["nonce"] = "0" },
        };
        var response = await Client.PostAsync(new Uri("/api/intake/reports", UriKind.Relative), JsonContent.Create(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
    }

    /// <summary>A request as <paramref name="username"/>, or unauthenticated when null.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? username, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (username is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(username));
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return await Client.SendAsync(request);
    }

    /// <summary>Takes an action that must succeed, as a step towards the situation under test.</summary>
    public async Task ActAsync(string username, Guid caseId, string action, object? body = null)
    {
        var response = await SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/{action}", username, body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} by {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
