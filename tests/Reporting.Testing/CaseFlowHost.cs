using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Reporting.Testing;

/// <summary>
/// The whole host in Development, reached as its users reach it: informants submit reports over HTTP (proof of work
/// off, the flood bucket wide open) and the seeded staff sign in and act on the cases.
/// </summary>
public class CaseFlowHost : ReportingHost
{
    public const string DevelopmentPassword = "dev-password-change-me";

    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Intake:ProofOfWork:Difficulty"] = "0";
        settings["Intake:Flood:BurstSize"] = "100000";
        settings["Intake:Limits:AttachmentDirectory"] = Path.Combine(TestCluster.NewFolder(), "attachments");
        // The case tests' late evidence is a plain-text note, a type with nothing to clean: allowed uncleaned here, as an
        // administrator may allow a type (refused by default; the Intake tests show both).
        settings["Intake:Attachments:AllowUncleaned:text/plain"] = "true";
    }

    /// <summary>Where informants go: the same host, unless the modules are split across hosts.</summary>
    protected virtual HttpClient IntakeClient => Client;

    /// <summary>One token per user for the whole fixture: logins are deliberately slow.</summary>
    public Task<string> TokenAsync(string username) => _tokens.GetOrAdd(username, async name =>
    {
        var response = await Client.PostAsJsonAsync("/api/auth/token", new { username = name, password = DevelopmentPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    });

    /// <summary>For a fixture that moves <see cref="ReportingHost.Client"/> to another host: its users sign in there afresh.</summary>
    protected void ForgetTokens() => _tokens.Clear();

    /// <summary>Submits <paramref name="report"/> as an informant, with the proof of work the host asks for; returns the receipt.</summary>
    public async Task<string> SubmitAsync(JsonObject report)
    {
        var challenge = await (await IntakeClient.PostAsync(new Uri("/api/intake/challenges", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        var body = new JsonObject
        {
            ["report"] = report,
            ["proofOfWork"] = new JsonObject { ["challenge"] = challenge.GetProperty("challenge").GetString(), ["nonce"] = "0" },
        };
        var response = await IntakeClient.PostAsync(new Uri("/api/intake/reports", UriKind.Relative), JsonContent.Create(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
    }

    /// <summary>A request as <paramref name="username"/>, or unauthenticated when null.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? username, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (username is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(username));
        if (body is not null)
            request.Content = JsonContent.Create(body);
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> GetJsonAsync(string username, string path)
    {
        var response = await SendAsync(HttpMethod.Get, path, username);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} as {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Takes an action that must succeed; returns the case detail after it.</summary>
    public async Task<JsonElement> ActAsync(string username, Guid caseId, string action, object? body = null)
    {
        var response = await SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/{action}", username, body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action} by {username}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

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
        // The list follows at once where Intake runs in the same host (inline), within moments where it does not (async).
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); ; await Task.Delay(50))
        {
            var list = await GetJsonAsync("registrar1", "/api/cases?stage=submitted&pageSize=100");
            var item = list.GetProperty("items").EnumerateArray().SingleOrDefault(entry => entry.GetProperty("title").GetString() == title);
            if (item.ValueKind != JsonValueKind.Undefined)
                return (receipt, item.GetProperty("caseId").GetGuid());
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"The report '{title}' never reached the registrar's list.");
        }
    }

    public async Task<JsonElement> InformantStatusAsync(string receipt)
    {
        var response = await IntakeClient.PostAsync(new Uri("/api/intake/status", UriKind.Relative), JsonContent.Create(new { receipt }));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
