using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Host.EmbeddedPostgres;
using Reporting.Testing;

namespace Reporting.Host.Tests;

public sealed class HealthWhenDatabaseIsGoneTests : IDisposable
{
    private readonly string _folder = TestCluster.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Readiness_answers_503_once_the_database_stops_while_liveness_stays_200()
    {
        var cluster = await EmbeddedPostgresCluster.StartAsync(new(Path.Combine(_folder, "data"), Durable: false), NullLogger.Instance);
        var builder = ReportingApp.CreateBuilder(["--environment", "Development", "--urls", "http://127.0.0.1:0"]);
        builder.Configuration["ConnectionStrings:Reporting"] = await DatabaseProvisioning.EnsureDatabaseAsync(cluster.ConnectionString, "reporting");
        builder.Configuration["Keys:File"] = Path.Combine(_folder, "office-keys.json");
        await using var app = ReportingApp.Build(builder);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.BoundAddresses().First()) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        await cluster.StopAsync(immediate: true);

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Unhealthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks.GetProperty("projections").GetProperty("status").GetString());
        // A restart would not bring the database back: the process itself is alive.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        await app.StopAsync();
    }
}
