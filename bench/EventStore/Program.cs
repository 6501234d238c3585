using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Marten;
using Reporting.EventStore.Bench;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Marten.Events.Aggregation;
using Reporting.Host.EmbeddedPostgres;

// Durable by default, as production runs: fsync on, so every commit waits for the disk. "--durable false" measures without.
var durable = !(args.Length >= 2 && args[0] == "--durable" && args[1] == "false");
var folder = Path.Combine(Path.GetTempPath(), $"reporting-bench-{Environment.ProcessId}");
await using var cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions(Path.Combine(folder, "data"), Durable: durable), NullLogger.Instance);
try
{
    var connectionString = await DatabaseProvisioning.EnsureDatabaseAsync(cluster.ConnectionString, "bench");
    var services = new ServiceCollection().AddLogging()
        .AddReportingDatabase(new DatabaseOptions(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 64 }.ConnectionString, "bench"))
        .ConfigureMarten(options =>
        {
            options.Events.AddEventType<ItemRecorded>();
            // Pages of events larger than the default 500, as Marten's docs suggest for rebuilds (daemon BatchSize).
            options.Projections.Add(new ItemTotalsProjection(), ProjectionLifecycle.Async, projection =>
            {
                projection.BatchSize = 5000;
                projection.MaximumHopperSize = 20000;
            });
        });
    await using var provider = services.BuildServiceProvider();
    await provider.GetRequiredService<SchemaMigrator>().MigrateAsync();
    var store = provider.GetRequiredService<IDocumentStore>();
    var plain = new PlainInserts(provider.GetRequiredService<NpgsqlDataSource>());
    await ScalarAsync(PlainInserts.CreateTables + "SELECT 0::bigint");

    Console.WriteLine($"PostgreSQL: embedded, Durable: {durable} (fsync {(durable ? "on" : "off")}); {Environment.ProcessorCount} cores");

    async Task<int> AppendOneToNewStream()
    {
        var id = Guid.NewGuid();
        await using var session = store.LightweightSession();
        session.Events.StartStream(id, new ItemRecorded(id, "store", 1));
        await session.SaveChangesAsync();
        return 1;
    }

    async Task<int> AppendTenToNewStream()
    {
        var id = Guid.NewGuid();
        await using var session = store.LightweightSession();
        session.Events.StartStream(id, Enumerable.Range(1, 10).Select(i => (object)new ItemRecorded(id, "batch", i)).ToArray());
        await session.SaveChangesAsync();
        return 10;
    }

    var results = new Dictionary<string, double>();
    foreach (var writers in new[] { 1, 16 })
    {
        (results[$"store_{writers}"], results[$"plain_{writers}"]) = await Throughput.CompareAsync(writers, AppendOneToNewStream, plain.AppendOneToNewStreamAsync);
        Console.WriteLine($"single-event appends to new streams, {writers,2} writer(s): store {results[$"store_{writers}"],8:F0}/s, plain INSERTs {results[$"plain_{writers}"],8:F0}/s, ratio {results[$"store_{writers}"] / results[$"plain_{writers}"]:F2}");
    }
    var (batch, plainBatch) = await Throughput.CompareAsync(16, AppendTenToNewStream, () => plain.AppendToNewStreamAsync(10));
    Console.WriteLine($"batches of 10 events to new streams, 16 writers: store {batch,8:F0} events/s, plain multi-row INSERTs {plainBatch,8:F0} events/s, ratio {batch / plainBatch:F2}");

    var total = await ScalarAsync("SELECT count(*) FROM mt_events WHERE type = 'item_recorded'");
    const long rebuildEvents = 200_000;
    if (total < rebuildEvents)
        await FillAsync(rebuildEvents - total);
    total = await ScalarAsync("SELECT count(*) FROM mt_events WHERE type = 'item_recorded'");
    // What autovacuum does within a minute of a bulk load: without statistics the planner sorts every remaining event
    // for each page the daemon reads (115 ms a page here) instead of walking the sequence index (1 ms).
    await ScalarAsync("ANALYZE mt_events; ANALYZE mt_streams; SELECT 0::bigint");
    using var daemon = await store.BuildProjectionDaemonAsync();
    var stopwatch = Stopwatch.StartNew();
    await daemon.RebuildProjectionAsync<ItemTotals>(TimeSpan.FromMinutes(10), CancellationToken.None);
    var rebuild = total / stopwatch.Elapsed.TotalSeconds;
    Console.WriteLine($"rebuild of {nameof(ItemTotalsProjection)} over {total} events: {stopwatch.Elapsed.TotalSeconds:F1} s");

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"RESULT eventstore append_ratio_16={results["store_16"] / results["plain_16"]:F2} batch_ratio_16={batch / plainBatch:F2} rebuild_events_per_s={rebuild:F0}"));

    async Task FillAsync(long events)
    {
        var remaining = events;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Add(ref remaining, -10) > -10)
                await AppendTenToNewStream();
        })));
    }

    async Task<long> ScalarAsync(string sql)
    {
        await using var command = provider.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
finally
{
    await cluster.StopAsync();
    Directory.Delete(folder, recursive: true);
}
