using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Reporting.Host.EmbeddedPostgres;
using Reporting.Storage.Hosting;
using Reporting.Testing;
using Xunit.Abstractions;

namespace Reporting.Host.Tests.Faults;

/// <summary>
/// PostgreSQL (a durable cluster of the test's own) stopped under intake load, with <c>-m fast</c> and with
/// <c>-m immediate</c>, and started again five seconds later on the same port: while it is gone every client gets a
/// 503 problem and no receipt; once it is back the same host process takes reports again by itself, within a
/// time that is printed; and every receipt sent opens its report.
/// </summary>
public sealed class DatabaseStoppedMidLoadTests(ITestOutputHelper output) : IDisposable
{
    private const int Clients = 8;
    private const string Unavailable = "503 application/problem+json Retry-After 5";
    private readonly string _folder = TestCluster.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task While_the_database_is_gone_clients_get_503_and_no_receipt_and_the_host_recovers_by_itself(bool immediate)
    {
        var options = new EmbeddedPostgresOptions(Path.Combine(_folder, "data"));
        var cluster = await EmbeddedPostgresCluster.StartAsync(options, NullLogger.Instance);
        options = options with { Port = cluster.Port };
        var connectionString = await DatabaseProvisioning.EnsureDatabaseAsync(cluster.ConnectionString, "reporting");
        await using var host = await HostProcess.ServeAsync(connectionString, "outage-host", Path.Combine(_folder, "office-keys.json"),
            "--Intake:Flood:BurstSize=1000000", "--Intake:Flood:RefillPerSecond=1000000");
        try
        {
            var load = IntakeLoad.Start(host.BaseAddress, Clients);
            await Task.Delay(TimeSpan.FromSeconds(5));
            var beforeStop = load.Receipts.Count;
            var stopping = load.Elapsed;
            await cluster.StopAsync(immediate);
            var stopped = load.Elapsed;
            var lastBeforeOutage = load.LastReceipt;
            var outcomesBefore = new Dictionary<string, int>(load.Outcomes);
            await Task.Delay(TimeSpan.FromSeconds(5));
            var receiptsInOutage = load.Receipts.Count;
            var duringOutage = load.Outcomes.ToDictionary(pair => pair.Key, pair => pair.Value - outcomesBefore.GetValueOrDefault(pair.Key));

            cluster = await EmbeddedPostgresCluster.StartAsync(options, NullLogger.Instance);
            var back = load.Elapsed;
            var recovered = await FirstReceiptAfterAsync(load, back);
            await Task.Delay(TimeSpan.FromSeconds(3));
            await load.StopAsync();

            var acknowledged = load.Receipts.ToArray();
            var stored = await CountReportsAsync(connectionString);
            output.WriteLine($"pg_ctl stop -m {(immediate ? "immediate" : "fast")} after {stopping.TotalSeconds:F1} s ({beforeStop} receipts), took {(stopped - stopping).TotalSeconds:F1} s; " +
                $"last receipt before the outage at {lastBeforeOutage?.TotalSeconds:F1} s");
            output.WriteLine($"in the 5 s outage: {string.Join(", ", duringOutage.Where(pair => pair.Value > 0).Select(pair => $"{pair.Key}×{pair.Value}"))}; receipts since the stop began (commits it let finish): {receiptsInOutage - beforeStop}");
            output.WriteLine($"PostgreSQL back after {(back - stopped).TotalSeconds:F1} s; first receipt {recovered.TotalSeconds:F2} s later, from the same host process; outcomes overall: {load.Histogram()}");
            output.WriteLine($"reports acknowledged: {acknowledged.Length}; reports found in the database: {stored}");

            Assert.True(duringOutage.GetValueOrDefault(Unavailable) > 0, "no client saw a 503 problem in the outage");
            Assert.All(duringOutage.Where(pair => pair.Value > 0), pair => Assert.True(pair.Key is "201" or Unavailable, $"{pair.Key}×{pair.Value} in the outage"));
            Assert.True(recovered < TimeSpan.FromSeconds(30), $"no receipt within 30 s of PostgreSQL's return:\n{host.Log}");
            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            foreach (var receipt in acknowledged)
                Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/intake/status", new { receipt })).StatusCode);
            // A commit whose answer was lost with the connection may be stored unacknowledged: at most one per client.
            Assert.InRange(stored - acknowledged.Length, 0, Clients);
        }
        finally
        {
            await host.DisposeAsync();
            await cluster.StopAsync(immediate: true);
        }
    }

    private static async Task<TimeSpan> FirstReceiptAfterAsync(IntakeLoad load, TimeSpan since)
    {
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(20))
        {
            if (load.LastReceipt is { } last && last > since)
                return last - since;
        }
        return TimeSpan.MaxValue;
    }

    private static async Task<long> CountReportsAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM reporting.mt_events WHERE type = 'report_submitted'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
