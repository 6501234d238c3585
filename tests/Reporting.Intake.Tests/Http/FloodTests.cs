using System.Net;
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

    [Fact]
    public async Task A_flood_gets_429_with_Retry_After_and_the_service_recovers()
    {
        var flood = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => host.Client.PostAsync(new Uri("/api/intake/challenges", UriKind.Relative), null)));

        Assert.Contains(flood, response => response.StatusCode == HttpStatusCode.TooManyRequests);
        var shed = flood.First(response => response.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal("application/problem+json", shed.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(shed.Headers.RetryAfter);

        await Task.Delay(TimeSpan.FromSeconds(1));
        var after = await host.Client.PostAsync(new Uri("/api/intake/challenges", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    [Fact]
    public async Task Reading_the_config_is_never_shed()
    {
        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => host.Client.PostAsync(new Uri("/api/intake/challenges", UriKind.Relative), null)));

        var config = await host.Client.GetAsync(new Uri("/api/intake/config", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
    }
}
