using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Reporting.Testing;

namespace Reporting.Disclosure.Bench;

/// <summary>
/// The real host in Development on a throwaway cluster, with notices published as staff publish them: a case walked
/// over HTTP to "closed with a decision", a sanction notice drafted by publisher1, approved by approver1, published.
/// </summary>
internal sealed class PublishingHost : CaseFlowHost
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        // Request-level information logs would be measured along with the pages.
        settings["Logging:LogLevel:Default"] = "Warning";
    }

    /// <summary>
    /// Walks <paramref name="count"/> cases to a decision and publishes a notice for each; returns the notice ids in
    /// publication order. One case at a time: concurrent walks by the same seeded staff collide on shared streams.
    /// </summary>
    public async Task<List<Guid>> PublishNoticesAsync(int count)
    {
        var notices = new List<Guid>();
        for (var number = 1; number <= count; number++)
        {
            var (_, caseId) = await this.ClosedDecidedCaseAsync();
            var noticeId = await DraftAsync(caseId, number);
            await ActOnNoticeAsync("approver1", noticeId, "approve", new { comment = "同意发布" });
            await ActOnNoticeAsync("publisher1", noticeId, "publish", new { });
            notices.Add(noticeId);
        }
        return notices;
    }

    private async Task<Guid> DraftAsync(Guid caseId, int number)
    {
        var response = await SendAsync(HttpMethod.Post, "/api/notices", "publisher1", new
        {
            caseId,
            kind = "sanction",
            headline = $"某市某局原局长张三受到党内严重警告处分（第{number}号）",
            body = "经查，张三违反中央八项规定精神，多次收受管理服务对象所送礼金和购物卡，数额较大。",
            subject = new { name = "张三", formerPosition = "局长", organization = "某市某局" },
            violations = new[] { new { category = "eight-point-rules", finding = "违规收受礼金和购物卡" } },
            characterization = "张三严重违反廉洁纪律，且在党的十八大后不收敛、不收手。",
            legalBasis = "《中国共产党纪律处分条例》第九十七条",
            sanctions = new[] { new { kind = "party", type = "serious-warning" } },
            authority = "经市纪委常委会会议研究并报市委批准",
            decidedOn = "2026-11-20",
        });
        await EnsureAsync(response, HttpStatusCode.Created, "draft");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("noticeId").GetGuid();
    }

    private async Task ActOnNoticeAsync(string username, Guid noticeId, string action, object body) =>
        await EnsureAsync(await SendAsync(HttpMethod.Post, $"/api/notices/{noticeId}/actions/{action}", username, body), HttpStatusCode.OK, $"{action} by {username}");

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
