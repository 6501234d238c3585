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
    public async Task Health_answers_503_once_the_database_stops()
    {
        var cluster = await EmbeddedPostgresCluster.StartAsync(new(Path.Combine(_folder, "data"), Durable: false), NullLogger.Instance);
        var builder = ReportingApp.CreateBuilder(["--environment", "Development", "--urls", "http://127.0.0.1:0"]);
        builder.Configuration["ConnectionStrings:Reporting"] = await DatabaseProvisioning.EnsureDatabaseAsync(cluster.ConnectionString, "reporting");
        builder.Configuration["Keys:File"] = Path.Combine(_folder, "office-keys.json");
        await using var app = ReportingApp.Build(builder);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.BoundAddresses().First()) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        await cluster.StopAsync(immediate: true);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        await app.StopAsync();
    }
}
