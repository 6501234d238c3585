using System.Net;
using System.Net.Http.Json;
using Reporting.Testing;

namespace Reporting.Intake.Tests.Http;

public sealed class FloodTests(FloodTests.SmallBucketHost host) : IClassFixture<FloodTests.SmallBucketHost>
{
    public sealed class SmallBucketHost : ReportingHost
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Intake:Flood:BurstSize"] = "10";
            settings["Intake:Flood:RefillPerSecond"] = "5";
        }
    }

    private static HttpContent UnknownReceipt() => JsonContent.Create(new { receipt = "0000-0000-0000-0000-0000" });

    [Fact]
    public async Task A_flood_gets_429_with_Retry_After_and_the_service_recovers()
    {
        var flood = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => host.Client.PostAsync(new Uri("/api/intake/status", UriKind.Relative), UnknownReceipt())));

        Assert.Contains(flood, response => response.StatusCode == HttpStatusCode.TooManyRequests);
        var shed = flood.First(response => response.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", shed.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(shed.Headers.RetryAfter);

        await Task.Delay(TimeSpan.FromSeconds(1));
        var after = await host.Client.PostAsync(new Uri("/api/intake/status", UriKind.Relative), UnknownReceipt());
        Assert.NotEqual(HttpStatusCode.TooManyRequests, after.StatusCode);
    }

    [Fact]
    public async Task Reading_the_config_is_never_shed()
    {
        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => host.Client.PostAsync(new Uri("/api/intake/status", UriKind.Relative), UnknownReceipt())));

        var config = await host.Client.GetAsync(new Uri("/api/intake/config", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
    }

    /// <summary>
    /// Challenges cost one HMAC and store nothing, and a report's token is taken only once its proof of work checks:
    /// a flood of either, paying nothing, leaves the budget that real informants share where it was.
    /// </summary>
    [Fact]
    public async Task Challenges_and_reports_without_a_solved_proof_of_work_spend_nothing_of_the_budget()
    {
        await Task.Delay(TimeSpan.FromSeconds(2)); // the bucket full again after the other tests' floods
        var challenges = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => host.Client.PostAsync(new Uri("/api/intake/challenges", UriKind.Relative), null)));
        var challenge = System.Text.Json.JsonDocument.Parse(await challenges[0].Content.ReadAsStringAsync()).RootElement.GetProperty("challenge").GetString();
        var unpaid = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => host.Client.PostAsync(new Uri("/api/intake/reports", UriKind.Relative),
            JsonContent.Create(new { report = CaseFlowHost.Report(), proofOfWork = new { challenge, nonce = "1" } }))));
        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.Client.PostAsync(new Uri("/api/intake/status", UriKind.Relative), UnknownReceipt())));

        Assert.All(challenges, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        Assert.All(unpaid, response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
        Assert.All(statuses, response => Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode));
    }
}
