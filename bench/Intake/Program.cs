using Microsoft.AspNetCore.Builder;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Host;
using Reporting.Host.EmbeddedPostgres;
using Reporting.Intake.Bench;
using NSec.Cryptography;

// One run, one durable database (fsync on): first the real host taking sealed reports from 64 loopback clients (BENCH_CLIENTS) with
// proof of work off, then as many clients doing plain parameterized INSERTs of rows as large as the stored reports,
// each for BENCH_SECONDS (10) after a warm-up that lasts until the JIT has settled (at most BENCH_WARMUP seconds, 60): on a
// loaded two-core machine tiered compilation, with its instrumented tier, goes on for tens of seconds, and measuring
// before it settles measures the compiler rather than a server that has been running for a while.
var clients = int.Parse(Environment.GetEnvironmentVariable("BENCH_CLIENTS") ?? "64", CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "10", CultureInfo.InvariantCulture));
var longestWarmUp = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "60", CultureInfo.InvariantCulture));
var loadBefore = File.ReadAllText("/proc/loadavg").Trim();
var folder = Path.Combine(Path.GetTempPath(), $"reporting-intake-bench-{Environment.ProcessId}");
await using var cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions(Path.Combine(folder, "data"), Durable: true), NullLogger.Instance);
using var officeKey = Key.Create(KeyAgreementAlgorithm.X25519);
try
{
    var connectionString = new NpgsqlConnectionStringBuilder(await DatabaseProvisioning.EnsureDatabaseAsync(cluster.ConnectionString, "bench")) { MaxPoolSize = clients + 8, NoResetOnClose = true /* as the host's own pool */ }.ConnectionString;
    var builder = ReportingApp.CreateBuilder(["--environment", "Production"]);
    builder.Configuration["ConnectionStrings:Reporting"] = connectionString;
    // A fresh database: the bench applies the schema as `reporting db migrate` would, then serves as production does.
    builder.Configuration["Database:MigrateOnStartup"] = "true";
    builder.Configuration["Urls"] = "http://127.0.0.1:0";
    builder.Configuration["Modules"] = "intake";
    builder.Configuration["Logging:LogLevel:Default"] = "Warning";
    builder.Configuration["Intake:ProofOfWork:Difficulty"] = "0";
    builder.Configuration["Intake:Flood:BurstSize"] = "1000000";
    builder.Configuration["Intake:Flood:RefillPerSecond"] = "1000000";
    builder.Configuration["Intake:Limits:MaxAttachmentBytesPerReport"] = long.MaxValue.ToString(CultureInfo.InvariantCulture);
    builder.Configuration["Intake:Limits:AttachmentDirectory"] = Path.Combine(folder, "attachments");
    builder.Configuration["Intake:SealingKey:KeyId"] = "bench";
    builder.Configuration["Intake:SealingKey:PublicKey"] = Convert.ToBase64String(officeKey.PublicKey.Export(KeyBlobFormat.RawPublicKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    await using var app = ReportingApp.Build(builder);
    // The baseline for attachments: the same multipart upload read the same way and sealed by the same store, without
    // the cleaning door. Mapped here only, never by the host.
    app.MapPost("/bench/raw-attachment", AttachmentLoad.RawUpload);
    await app.StartAsync();
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(app.BoundAddresses().First()) };

    var body = new JsonObject
    {
        ["report"] = new JsonObject
        {
            ["accused"] = new JsonArray(new JsonObject { ["name"] = "张三", ["position"] = "局长", ["organization"] = "某市交通运输局" }),
            ["categories"] = new JsonArray("integrity", "bribery-embezzlement"),
            ["title"] = "工程项目中收受回扣",
            ["details"] = string.Concat(Enumerable.Repeat("二〇二六年三月以来，在道路工程招标中多次收受中标企业回扣，并安排亲属参与分包。", 8)),
            ["occurredFrom"] = "2026-03-01",
            ["language"] = "zh-CN",
        },
    }.ToJsonString();

    async Task Submit()
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/intake/reports", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"Submission answered {(int)response.StatusCode}.");
    }

    foreach (var (step, microseconds) in SubmissionSteps.Measure(System.Text.Encoding.UTF8.GetBytes(body)))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"step alone, median: {step,-36} {microseconds,7:F1} µs"));

    var dataDirectory = Path.Combine(folder, "data");
    var intakeWarmUp = await WarmUpAsync(Submit);
    var cpuBefore = CpuTime.Now(dataDirectory);
    var intake = await Load.RunAsync(clients, duration, Submit);
    var intakeCpu = PerOperation(cpuBefore, CpuTime.Now(dataDirectory), intake);

    var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = "reporting" }.ConnectionString);
    await using (var averageSize = dataSource.CreateCommand("SELECT avg(length(data::text))::int FROM mt_events WHERE type = 'report_submitted'"))
    {
        var rowSize = (int)(await averageSize.ExecuteScalarAsync())!;
        var row = new JsonObject { ["padding"] = new string('x', Math.Max(0, rowSize - 16)) }.ToJsonString();
        await using (var create = dataSource.CreateCommand("CREATE TABLE bench_plain (id uuid PRIMARY KEY, data jsonb NOT NULL)"))
            await create.ExecuteNonQueryAsync();

        async Task Insert()
        {
            await using var insert = dataSource.CreateCommand("INSERT INTO bench_plain (id, data) VALUES ($1, $2)");
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            insert.Parameters.Add(new NpgsqlParameter { Value = row, NpgsqlDbType = NpgsqlDbType.Jsonb });
            await insert.ExecuteNonQueryAsync();
        }

        var plainWarmUp = await WarmUpAsync(Insert);
        cpuBefore = CpuTime.Now(dataDirectory);
        var plain = await Load.RunAsync(clients, duration, Insert);
        var plainCpu = PerOperation(cpuBefore, CpuTime.Now(dataDirectory), plain);

        Console.WriteLine($"PostgreSQL embedded, fsync on; {Environment.ProcessorCount} cores; {clients} clients; {duration.TotalSeconds:F0} s each; stored report {rowSize} bytes of JSON");
        Console.WriteLine($"load average before: {loadBefore}; after: {File.ReadAllText("/proc/loadavg").Trim()}; warm-up until the JIT settled: {intakeWarmUp.TotalSeconds:F0} s and {plainWarmUp.TotalSeconds:F0} s");
        Console.WriteLine($"sealed submissions: {intake.PerSecond:F0}/s, p50 {intake.P50:F1} ms, p99 {intake.P99:F1} ms; CPU each: {intakeCpu.Process:F0} µs here (clients and host), {intakeCpu.Postgres:F0} µs in PostgreSQL");
        Console.WriteLine($"plain INSERTs:      {plain.PerSecond:F0}/s, p50 {plain.P50:F1} ms, p99 {plain.P99:F1} ms; CPU each: {plainCpu.Process:F0} µs here (clients), {plainCpu.Postgres:F0} µs in PostgreSQL");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT intake ratio_vs_insert={intake.PerSecond / plain.PerSecond:F2} submissions_per_s={intake.PerSecond:F0} p50_ms={intake.P50:F1} p99_ms={intake.P99:F1}"));
    }
    await dataSource.DisposeAsync();

    var timing = await UnknownReceiptTiming.MeasureAsync(app.Services, client, rounds: 1000);
    Console.WriteLine($"unknown receipt 404: never issued {timing.NeverIssuedMs:F3} ms, foreign stream {timing.ForeignStreamMs:F3} ms (medians)");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT intake unknown_receipt_paired_diff_ms={timing.PairedDifferenceMs:F3}"));

    var attachmentClients = int.Parse(Environment.GetEnvironmentVariable("BENCH_ATTACHMENT_CLIENTS") ?? "2", CultureInfo.InvariantCulture);
    var attachmentDuration = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("BENCH_ATTACHMENT_SECONDS") ?? "30", CultureInfo.InvariantCulture));
    await AttachmentLoad.RunAsync(client, AttachmentMix.Make(Path.Combine(folder, "mix")), attachmentClients, attachmentDuration);
    await app.StopAsync();
}
finally
{
    await cluster.StopAsync();
    Directory.Delete(folder, recursive: true);
}

(double Process, double Postgres) PerOperation((double Process, double Postgres) before, (double Process, double Postgres) after, LoadResult load)
{
    return ((after.Process - before.Process) / load.Operations * 1e6, (after.Postgres - before.Postgres) / load.Operations * 1e6);
}

// Two-second rounds until one compiles hardly any method (tier-ups included), at least two rounds, at most the limit.
async Task<TimeSpan> WarmUpAsync(Func<Task> operation)
{
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var rounds = 0;
    long compiled;
    do
    {
        compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        await Load.RunAsync(clients, TimeSpan.FromSeconds(2), operation);
        rounds++;
    }
    while ((rounds < 2 || System.Runtime.JitInfo.GetCompiledMethodCount() - compiled > 10) && watch.Elapsed < longestWarmUp);
    return watch.Elapsed;
}
