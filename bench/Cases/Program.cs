using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Reporting.Cases.Bench;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Deadlines;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Host;
using Reporting.Host.EmbeddedPostgres;
using Reporting.Intake.Sealing;

// One run on one durable database (fsync on): BENCH_CASES (100,000) cases made by the real deciders through the real
// store and its inline case list; then GET /api/cases filtered by stage and overdue, one request at a time, beside
// nginx serving the same bytes; then intake at BENCH_RATE (200) submissions/s for BENCH_SECONDS (20) while the async
// projections' lag is sampled.
var caseCount = int.Parse(Environment.GetEnvironmentVariable("BENCH_CASES") ?? "100000", CultureInfo.InvariantCulture);
var rate = int.Parse(Environment.GetEnvironmentVariable("BENCH_RATE") ?? "200", CultureInfo.InvariantCulture);
var seconds = double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "20", CultureInfo.InvariantCulture);
const int Writers = 16;
const int Requests = 2000;

var folder = Path.Combine(Path.GetTempPath(), $"reporting-cases-bench-{Environment.ProcessId}");
await using var cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions(Path.Combine(folder, "data"), Durable: true), NullLogger.Instance);
try
{
    var connectionString = new NpgsqlConnectionStringBuilder(await DatabaseProvisioning.EnsureDatabaseAsync(cluster.ConnectionString, "bench")) { MaxPoolSize = 96 }.ConnectionString;
    var builder = ReportingApp.CreateBuilder(["--environment", "Development"]);
    builder.Configuration["ConnectionStrings:Reporting"] = connectionString;
    builder.Configuration["Urls"] = "http://127.0.0.1:0";
    builder.Configuration["Logging:LogLevel:Default"] = "Warning";
    builder.Configuration["Keys:File"] = Path.Combine(folder, "office-keys.json");
    builder.Configuration["Intake:ProofOfWork:Difficulty"] = "0";
    builder.Configuration["Intake:Flood:BurstSize"] = "1000000";
    builder.Configuration["Intake:Flood:RefillPerSecond"] = "1000000";
    builder.Configuration["Intake:Limits:AttachmentDirectory"] = Path.Combine(folder, "attachments");
    await using var app = ReportingApp.Build(builder);
    await app.StartAsync();
    var baseAddress = new Uri(app.BoundAddresses().First());
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = baseAddress };
    Console.WriteLine($"PostgreSQL: embedded, fsync on; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

    // 1. The cases, through the real deciders and the real store (the case list is written inline with each case).
    var store = app.Services.GetRequiredService<IDocumentStore>();
    var generator = new CaseGenerator(app.Services.GetRequiredService<IOfficeSealingKeyProvider>().Current!, WorkingCalendar.Embedded);
    var now = DateTimeOffset.UtcNow;
    var made = 0;
    long generateTicks = 0, saveTicks = 0;
    var generation = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
    {
        var random = new Random(writer);
        while (Interlocked.Increment(ref made) <= caseCount)
        {
            var t0 = Stopwatch.GetTimestamp();
            var events = generator.Generate(random, now);
            Interlocked.Add(ref generateTicks, Stopwatch.GetTimestamp() - t0);
            await using var session = store.LightweightSession();
            session.Events.StartStream(((Reporting.Intake.Contracts.ReportSubmitted)events[0]).CaseId, [.. events]);
            var t1 = Stopwatch.GetTimestamp();
            await session.SaveChangesAsync();
            Interlocked.Add(ref saveTicks, Stopwatch.GetTimestamp() - t1);
            if (made % 10_000 == 0)
                Console.WriteLine($"  {made:N0} cases, {made / generation.Elapsed.TotalSeconds:F0}/s");
        }
    })));
    Console.WriteLine($"generated {caseCount:N0} cases in {generation.Elapsed.TotalSeconds:F0} s: {generateTicks * 1000.0 / Stopwatch.Frequency / caseCount:F2} ms/case sealing and deciding, {saveTicks * 1000.0 / Stopwatch.Frequency / caseCount:F2} ms/case storing ({Writers} writers)");
    var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = "reporting" }.ConnectionString);
    // What autovacuum does to a table in steady use; right after a bulk load it may not have come round yet.
    await using (var analyze = dataSource.CreateCommand("VACUUM ANALYZE"))
        await analyze.ExecuteNonQueryAsync();
    // The async projections catch up with the generated cases before anything is measured: the lag below is that of
    // a daemon in steady use, not of its first pass over a bulk load.
    var catchingUp = Stopwatch.StartNew();
    while (true)
    {
        await using var behind = dataSource.CreateCommand(
            "SELECT (SELECT coalesce(max(seq_id), 0) FROM mt_events) - (SELECT coalesce(min(last_seq_id), 0) FROM mt_event_progression WHERE name NOT LIKE 'HighWater%')");
        if ((long)(await behind.ExecuteScalarAsync())! <= 0)
            break;
        await Task.Delay(100);
    }
    Console.WriteLine($"async projections caught up with the generated cases {catchingUp.Elapsed.TotalSeconds:F1} s after the load");

    // 2. The filtered list, one request at a time, as a staff member pages through it.
    var token = (await (await client.PostAsJsonAsync("/api/auth/token", new { username = "supervisor1", password = "dev-password-change-me" }))
        .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    string[] stages = [CaseStage.Registered, CaseStage.Accepted, CaseStage.DispositionPending, CaseStage.TalkInquiry, CaseStage.Verification, CaseStage.Investigating, CaseStage.Closed];
    var lastBody = "";
    async Task<double> ListAsync(HttpClient http, int i, bool authorized)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases?stage={stages[i % stages.Length]}&overdue=true");
        if (authorized)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"The list answered {(int)response.StatusCode}.");
        if (authorized && body.Length > lastBody.Length)
            lastBody = body;
        return elapsed;
    }
    for (var i = 0; i < 200; i++)
        await ListAsync(client, i, authorized: true);
    var listLatencies = new List<double>();
    for (var i = 0; i < Requests; i++)
        listLatencies.Add(await ListAsync(client, i, authorized: true));
    var listP50 = Percentile(listLatencies, 0.50);
    var listP99 = Percentile(listLatencies, 0.99);
    Console.WriteLine($"GET /api/cases?stage=…&overdue=true over {caseCount:N0} cases: p50 {listP50:F1} ms, p99 {listP99:F1} ms");

    // The same bytes from nginx, the same way: what the network and the client cost alone.
    var nginxP99 = await Nginx.MeasureAsync(folder, lastBody, async http =>
    {
        var latencies = new List<double>();
        for (var i = 0; i < 200; i++)
            await ListAsync(http, i, authorized: false);
        for (var i = 0; i < Requests; i++)
            latencies.Add(await ListAsync(http, i, authorized: false));
        return Percentile(latencies, 0.99);
    });
    Console.WriteLine($"nginx serving the same {lastBody.Length:N0} bytes: p99 {nginxP99:F2} ms");

    // 3. Intake at a steady rate while the async projections follow; lag = how long until they have processed what was appended.
    var lag = await ProjectionLag.MeasureAsync(dataSource, client, rate, TimeSpan.FromSeconds(seconds));
    if (lag.FirstFailure is not null)
        Console.WriteLine($"first refused submission: {lag.FirstFailure}");
    Console.WriteLine($"intake at {rate}/s for {seconds:F0} s ({lag.Submitted:N0} submitted, {lag.Failed} failed): projection lag p50 {lag.P50:F0} ms, p99 {lag.P99:F0} ms");

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT cases list_p99_ms={listP99:F1} projection_lag_p99_ms={lag.P99:F0}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT cases nginx_same_bytes_p99_ms={nginxP99:F2} list_p99_ratio_vs_nginx={listP99 / nginxP99:F1}"));
    await app.StopAsync();
}
finally
{
    await cluster.DisposeAsync();
    Directory.Delete(folder, recursive: true);
}

static double Percentile(List<double> values, double fraction)
{
    var sorted = values.Order().ToArray();
    return sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(fraction * sorted.Length) - 1)];
}
