using Xunit;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Staff.Accounts;

namespace Reporting.Testing;

/// <summary>
/// The whole host with cases to publish from. approver2 is also made a publisher, so that a user who both drafts and
/// approves exists to be refused.
/// </summary>
public class DisclosureHost : CaseFlowHost
{
    public const string PublisherWhoApproves = "approver2";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<AccountAdministration>().GrantAsync(PublisherWhoApproves, "publisher", "admin1", CancellationToken.None);
    }

    public static object SanctionDraft(Guid caseId, string headline = "某市某局原局长张三受到党内严重警告处分", string? body = null) => new
    {
        caseId,
        kind = "sanction",
        headline,
        body = body ?? "经查，张三违反中央八项规定精神，多次收受管理服务对象所送礼金和购物卡。",
        subject = new { name = "张三", formerPosition = "局长", organization = "某市某局" },
        violations = new[] { new { category = "eight-point-rules", finding = "违规收受礼金和购物卡" } },
        characterization = "张三严重违反廉洁纪律，且在党的十八大后不收敛、不收手。",
        legalBasis = "《中国共产党纪律处分条例》第九十七条",
        sanctions = new[] { new { kind = "party", type = "serious-warning" } },
        authority = "经市纪委常委会会议研究并报市委批准",
        decidedOn = "2026-11-20",
    };

    /// <summary>Drafted by publisher1; returns the notice id.</summary>
    public async Task<Guid> DraftAsync(object draft, string publisher = "publisher1")
    {
        var response = await SendAsync(HttpMethod.Post, "/api/notices", publisher, draft);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"draft: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("noticeId").GetGuid();
    }

    public async Task<JsonElement> NoticeActAsync(string username, Guid noticeId, string action, object? body = null)
    {
        var response = await SendAsync(HttpMethod.Post, $"/api/notices/{noticeId}/actions/{action}", username, body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} by {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A sanction notice of a new closed case, drafted, approved by approver1 and published; returns its id.</summary>
    public async Task<(Guid NoticeId, Guid CaseId)> PublishedSanctionAsync(string? body = null)
    {
        var (_, caseId) = await this.ClosedDecidedCaseAsync();
        var noticeId = await DraftAsync(SanctionDraft(caseId, body: body));
        await NoticeActAsync("approver1", noticeId, "approve", new { comment = "同意发布" });
        await NoticeActAsync("publisher1", noticeId, "publish");
        return (noticeId, caseId);
    }

    public async Task<JsonElement> PublicJsonAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
