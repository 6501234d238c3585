using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reporting.Testing;
using Xunit.Abstractions;

namespace Reporting.Host.Tests.Faults;

/// <summary>
/// The host killed with SIGKILL halfway through thirty seconds of intake load and started again on the same
/// database: every receipt any client received opens its report, the reports stored exceed the receipts sent by no
/// more than the requests unanswered at the kill, and the statistics the async daemon projected (it was killed
/// mid-batch too) equal a rebuild of them from the events.
/// </summary>
public sealed class HostKilledMidLoadTests(ITestOutputHelper output) : PostgresDatabase
{
    private const int Clients = 8;
    private static readonly TimeSpan Half = TimeSpan.FromSeconds(15);
    private static readonly string[] Wide = ["--Intake:Flood:BurstSize=1000000", "--Intake:Flood:RefillPerSecond=1000000"];

    [Fact]
    public async Task Nothing_acknowledged_is_lost_nothing_unacknowledged_beyond_the_requests_in_flight_is_kept_and_the_projections_equal_a_rebuild()
    {
        var keys = Path.Combine(TestCluster.NewFolder(), "office-keys.json");
        await using var first = await HostProcess.ServeAsync(ConnectionString, "killed-host", keys, Wide);
        var load = IntakeLoad.Start(first.BaseAddress, Clients);
        await Task.Delay(Half);
        var inFlight = load.InFlight;
        var receivedBeforeKill = load.Receipts.Count;
        first.Kill();
        var killedAt = load.Elapsed;
        await first.DisposeAsync();

        await using var second = await HostProcess.ServeAsync(ConnectionString, "restarted-host", keys, Wide);
        load.Target = second.BaseAddress;
        var restartedAt = load.Elapsed;
        await Task.Delay(Half);
        await load.StopAsync();

        var acknowledged = load.Receipts.ToArray();
        var stored = await CountAsync("SELECT count(*) FROM reporting.mt_events WHERE type = 'report_submitted'");
        output.WriteLine($"{Clients} clients, 2 × {Half.TotalSeconds} s; killed after {killedAt.TotalSeconds:F1} s with {receivedBeforeKill} receipts sent and {inFlight} requests in flight; " +
            $"serving again after {(restartedAt - killedAt).TotalSeconds:F1} s; outcomes: {load.Histogram()}");
        output.WriteLine($"reports acknowledged (receipts the clients hold): {acknowledged.Length}; reports found in the database: {stored}");

        using var client = new HttpClient { BaseAddress = second.BaseAddress };
        var unopened = 0;
        foreach (var receipt in acknowledged)
        {
            using var status = await client.PostAsJsonAsync("/api/intake/status", new { receipt });
            if (status.StatusCode != HttpStatusCode.OK)
                unopened++;
        }
        Assert.True(acknowledged.Length > receivedBeforeKill && receivedBeforeKill > 0, "the load did not run on both sides of the kill");
        Assert.Equal(0, unopened);
        Assert.InRange(stored - acknowledged.Length, 0, inFlight);

        await WaitForStatisticsAsync(stored, second);
        await second.DisposeAsync();
        var projected = await StatisticsAsync();
        await RebuildStatisticsAsync(keys);
        var rebuilt = await StatisticsAsync();
        output.WriteLine($"statistics documents: {projected.Count} projected live across the kill, {rebuilt.Count} rebuilt; equal: {projected.SequenceEqual(rebuilt)}");
        Assert.NotEmpty(projected);
        Assert.Equal(rebuilt, projected);
    }

    private async Task WaitForStatisticsAsync(long reports, HostProcess host)
    {
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(200))
        {
            if (await CountAsync("""
                SELECT count(*) FROM reporting.mt_event_progression
                WHERE name ILIKE '%statistic%' AND last_seq_id >= (SELECT max(seq_id) FROM reporting.mt_events)
                """) > 0)
                return;
        }
        Assert.Fail($"The restarted host's daemon never caught up with the {reports} reports:\n{host.Log}");
    }

    /// <summary>Every statistics document, as stored: id and body, in id order.</summary>
    private async Task<List<string>> StatisticsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id::text || ' ' || data::text FROM reporting.mt_doc_casestatistics ORDER BY id", connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    /// <summary>Marten's own rebuild, through the host's store with no host running: the statistics projected afresh from every event.</summary>
    private async Task RebuildStatisticsAsync(string keys)
    {
        var builder = ReportingApp.CreateBuilder(["--environment", "Development"]);
        builder.Configuration["ConnectionStrings:Reporting"] = ConnectionString;
        builder.Configuration["Keys:File"] = keys;
        await using var app = ReportingApp.Build(builder);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync("CaseStatistics", CancellationToken.None);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
