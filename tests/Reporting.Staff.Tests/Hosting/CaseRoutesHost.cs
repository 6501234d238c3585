using System.Net;
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
public sealed class CaseRoutesHost : CaseFlowHost
{
    /// <summary>Supervisor and approver at once.</summary>
    public const string SupervisingApprover = "lead1";

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

    private Task<string> SubmitForReceiptAsync(bool realName) => SubmitAsync(new JsonObject
    {
        ["accused"] = new JsonArray(new JsonObject { ["name"] = "张三", ["position"] = "局长", ["organization"] = "某市某局" }),
        ["categories"] = new JsonArray("integrity"),
        ["title"] = "违规收受礼金",
        ["details"] = "二〇二六年春节前后多次收受管理服务对象所送礼金和购物卡。",
        ["occurredFrom"] = "2026-01-15",
        ["language"] = "zh-CN",
        ["informant"] = realName ? new JsonObject { ["name"] = "李四", ["phone"] = "13800000000" } : null,
    });
}
