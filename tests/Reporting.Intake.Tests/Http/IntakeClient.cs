using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reporting.Intake.Tests.Flood;

namespace Reporting.Intake.Tests.Http;

/// <summary>What an informant's client does over HTTP: fetch a challenge, solve it, post.</summary>
public static class IntakeClient
{
    public static JsonObject ValidReport() => new()
    {
        ["accused"] = new JsonArray(new JsonObject { ["name"] = "张三", ["position"] = "局长", ["organization"] = "某市某局" }),
        ["categories"] = new JsonArray("integrity", "eight-point-rules"),
        ["title"] = "违规收受礼金",
        ["details"] = "二〇二六年春节前后多次收受管理服务对象所送礼金和购物卡，数额较大。",
        ["occurredFrom"] = "2026-01-15",
        ["occurredTo"] = null,
        ["location"] = null,
        ["informant"] = null,
        ["language"] = "zh-CN",
    };

    public static async Task<JsonObject> SolvedProofOfWorkAsync(HttpClient client)
    {
        var response = await client.PostAsync(new Uri("/api/intake/challenges", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        var challenge = await response.Content.ReadFromJsonAsync<JsonElement>();
        var text = challenge.GetProperty("challenge").GetString()!;
        return new JsonObject { ["challenge"] = text, ["nonce"] = ProofOfWorkTests.Solve(text, challenge.GetProperty("difficulty").GetInt32()) };
    }

    /// <summary>Submits a valid report and returns the receipt as shown.</summary>
    public static async Task<string> SubmitValidAsync(HttpClient client, JsonObject? report = null)
    {
        var response = await SubmitAsync(client, report ?? ValidReport(), await SolvedProofOfWorkAsync(client));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
    }

    public static Task<HttpResponseMessage> StatusAsync(HttpClient client, string receipt) =>
        client.PostAsync(new Uri("/api/intake/status", UriKind.Relative), JsonContent.Create(new { receipt }));

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, JsonNode? report, JsonObject? proofOfWork)
    {
        var body = new JsonObject { ["report"] = report?.DeepClone(), ["proofOfWork"] = proofOfWork?.DeepClone() };
        return await client.PostAsync(new Uri("/api/intake/reports", UriKind.Relative), JsonContent.Create(body));
    }
}
