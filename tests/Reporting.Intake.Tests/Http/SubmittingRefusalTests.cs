using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reporting.Intake.Tests.Http;

public sealed class SubmittingRefusalTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    public static TheoryData<string, string, string> BrokenRules() => new()
    {
        { "no accused", """{"accused": []}""", "report.accused" },
        { "accused name over 100", """{"accused": [{"name": "%101%"}]}""", "report.accused[0].name" },
        { "no category", """{"categories": []}""", "report.categories" },
        { "unknown category", """{"categories": ["gossip"]}""", "report.categories[0]" },
        { "empty title", """{"title": ""}""", "report.title" },
        { "short details", """{"details": "太短了"}""", "report.details" },
        { "future date", """{"occurredFrom": "2999-01-01"}""", "report.occurredFrom" },
        { "real name without phone", """{"informant": {"name": "李四"}}""", "report.informant.phone" },
        { "control character", """{"title": "礼金\u0000"}""", "report.title" },
        { "date that is not one", """{"occurredFrom": "yesterday"}""", "report.occurredFrom" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task A_report_breaking_a_rule_gets_a_validation_problem_keyed_by_the_field_path(string rule, string change, string field)
    {
        var report = IntakeClient.ValidReport();
        foreach (var (name, value) in JsonNode.Parse(change.Replace("%101%", new string('名', 101), StringComparison.Ordinal))!.AsObject())
            report[name] = value?.DeepClone();

        var response = await IntakeClient.SubmitAsync(host.Client, report, await IntakeClient.SolvedProofOfWorkAsync(host.Client));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{rule}: {problem}");
    }

    [Fact]
    public async Task A_body_over_256_KiB_gets_413_before_anything_is_parsed()
    {
        var report = IntakeClient.ValidReport();
        report["details"] = new string('x', 256 * 1024);

        var response = await IntakeClient.SubmitAsync(host.Client, report, null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_that_grows_past_the_limit_gets_413_too()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 300 * 1024) + "{}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake/reports") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_report_without_proof_of_work_is_forbidden()
    {
        var response = await IntakeClient.SubmitAsync(host.Client, IntakeClient.ValidReport(), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_nonce_is_forbidden()
    {
        var proof = await IntakeClient.SolvedProofOfWorkAsync(host.Client);
        var challenge = proof["challenge"]!.GetValue<string>();
        proof["nonce"] = Enumerable.Range(0, 1000).Select(n => $"{n}")
            .First(n => Intake.Flood.ProofOfWork.LeadingZeroBits(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes($"{challenge}:{n}"))) < IntakeHost.Difficulty);

        var response = await IntakeClient.SubmitAsync(host.Client, IntakeClient.ValidReport(), proof);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_challenge_from_nowhere_is_forbidden_even_when_solved()
    {
        var proof = new JsonObject { ["challenge"] = "invented", ["nonce"] = Flood.ProofOfWorkTests.Solve("invented", IntakeHost.Difficulty) };

        var response = await IntakeClient.SubmitAsync(host.Client, IntakeClient.ValidReport(), proof);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_validation_problem_that_quotes_nothing_back()
    {
        using var content = new StringContent("{\"report\": {\"title\": \"秘密标记", Encoding.UTF8, "application/json");

        var response = await host.Client.PostAsync(new Uri("/api/intake/reports", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("秘密标记", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_config_publishes_difficulty_categories_and_limits()
    {
        var config = await host.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/intake/config", UriKind.Relative));

        Assert.Equal(IntakeHost.Difficulty, config.GetProperty("proofOfWork").GetProperty("difficulty").GetInt32());
        Assert.Equal(15, config.GetProperty("categories").GetArrayLength());
        Assert.Equal(256 * 1024, config.GetProperty("limits").GetProperty("maxReportBodyBytes").GetInt32());
    }

    [Fact]
    public async Task Intake_answers_are_padded_to_size_buckets_whatever_happened()
    {
        var refused = await IntakeClient.SubmitAsync(host.Client, IntakeClient.ValidReport(), null);
        var invalid = await IntakeClient.SubmitAsync(host.Client, new JsonObject(), null);
        var challenge = await host.Client.PostAsync(new Uri("/api/intake/challenges", UriKind.Relative), null);

        foreach (var response in new[] { refused, invalid, challenge })
            Assert.Equal(2048, (await response.Content.ReadAsByteArrayAsync()).Length);
        using var parsed = JsonDocument.Parse(await challenge.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.String, parsed.RootElement.GetProperty("challenge").ValueKind);
    }
}
