using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reporting.Testing;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>
/// The whole host in Development (<see cref="CaseFlowHost"/>), with the reports and steps the case tests start from:
/// Intake seals to the office keys of its own key file.
/// </summary>
public sealed class CaseHost : CaseFlowHost
{
    public static JsonObject Report(string title = "违规收受礼金", JsonObject? informant = null) => new()
    {
        ["accused"] = new JsonArray(new JsonObject { ["name"] = "张三", ["position"] = "局长", ["organization"] = "某市某局" }),
        ["categories"] = new JsonArray("integrity", "eight-point-rules"),
        ["title"] = title,
        ["details"] = "二〇二六年春节前后多次收受管理服务对象所送礼金和购物卡，数额较大。",
        ["occurredFrom"] = "2026-01-15",
        ["informant"] = informant,
        ["language"] = "zh-CN",
    };

    public static JsonObject RealName() => new() { ["name"] = "李四", ["phone"] = "13800000000" };

    /// <summary>Submits a report with a title of its own and finds its case id in the registrar's list.</summary>
    public async Task<(string Receipt, Guid CaseId)> NewCaseAsync(bool realName = false)
    {
        var title = $"测试举报 {Guid.NewGuid():N}";
        var receipt = await SubmitAsync(Report(title, realName ? RealName() : null));
        var list = await GetJsonAsync("registrar1", "/api/cases?stage=submitted&pageSize=100");
        var item = list.GetProperty("items").EnumerateArray().Single(entry => entry.GetProperty("title").GetString() == title);
        return (receipt, item.GetProperty("caseId").GetGuid());
    }

    public async Task<JsonElement> InformantStatusAsync(string receipt)
    {
        var response = await Client.PostAsync(new Uri("/api/intake/status", UriKind.Relative), JsonContent.Create(new { receipt }));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
