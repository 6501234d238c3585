using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.Intake.Contracts;
using Reporting.Host.Telemetry;
using Reporting.Testing;

namespace Reporting.Host.Tests;

/// <summary>
/// The metrics as an operator's collector receives them, read through OpenTelemetry's in-memory exporter from the real
/// host: our own instruments after real requests, and Marten's and Npgsql's meters where the host is told to send them.
/// </summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;

/// <remarks>
/// Alone in the process while it runs: OpenTelemetry takes every meter of a name for one stream, whichever application
/// made it, and a second web application started and stopped in this process took ASP.NET Core's request metric away
/// from the fixture's exporter (seen with an in-process OTLP collector): nothing else runs beside these tests.
/// </remarks>
[Collection(nameof(MetricsTests))]
public sealed class MetricsTests(MetricsTests.MeteredHost host) : IClassFixture<MetricsTests.MeteredHost>
{
    // Never disposed, as Marten's own meter is not: disposing one would end the fixture's stream of the same name.
    private static readonly System.Diagnostics.Metrics.Meter Marten = new("Marten");

    public sealed class MeteredHost : DisclosureHost
    {
        private readonly List<Metric> _exported = [];

        public string KeysFile { get; private set; } = "";

        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            KeysFile = settings["Keys:File"]!;
            settings["Telemetry:DependencyMetrics"] = "true";
            settings["Telemetry:OverdueInterval"] = "00:00:00.200";
        }

        protected override void ConfigureServices(IServiceCollection services) =>
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_exported));

        /// <summary>Collects now and returns every point of the metric <paramref name="name"/>, with its tags.</summary>
        public List<(long Value, Dictionary<string, string?> Tags)> Points(string name) =>
            Collect(exported => exported.Where(metric => metric.Name == name).SelectMany(Read).ToList());

        public IReadOnlyList<string> Names() => Collect(exported => exported.Select(metric => metric.Name).Distinct().ToList());

        private T Collect<T>(Func<List<Metric>, T> read)
        {
            lock (_exported)
            {
                _exported.Clear();
                Services.GetRequiredService<MeterProvider>().ForceFlush();
                return read(_exported);
            }
        }

        private static IEnumerable<(long, Dictionary<string, string?>)> Read(Metric metric)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, string?>();
                foreach (var tag in point.Tags)
                    tags[tag.Key] = tag.Value?.ToString();
                var value = metric.MetricType switch
                {
                    MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                    MetricType.LongGauge => point.GetGaugeLastValueLong(),
                    _ => point.GetHistogramCount(),
                };
                yield return (value, tags);
            }
        }
    }

    private static long Sum(IEnumerable<(long Value, Dictionary<string, string?> Tags)> points, params (string Key, string Value)[] tags) =>
        points.Where(point => tags.All(tag => point.Tags.GetValueOrDefault(tag.Key) == tag.Value)).Sum(point => point.Value);

    [Fact]
    public async Task Case_actions_are_counted_by_action_and_outcome_with_no_case_or_person_in_a_tag()
    {
        var before = host.Points("reporting.cases.actions");
        var (_, caseId) = await host.NewCaseAsync();
        var refused = await host.SendAsync(HttpMethod.Post, $"/api/cases/{caseId}/actions/register", "registrar1", new { });
        await host.RegisterAsync(caseId, realName: false);

        var after = host.Points("reporting.cases.actions");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(1, Sum(after, ("action", "register"), ("outcome", "taken")) - Sum(before, ("action", "register"), ("outcome", "taken")));
        Assert.Equal(1, Sum(after, ("action", "register"), ("outcome", "invalid")) - Sum(before, ("action", "register"), ("outcome", "invalid")));
        Assert.All(after, point => Assert.Equal(["action", "outcome"], point.Tags.Keys.Order()));
    }

    [Fact]
    public async Task A_publication_is_counted()
    {
        var before = Sum(host.Points("reporting.disclosure.publications"), ("action", "publish"));

        await host.PublishedSanctionAsync();

        Assert.Equal(before + 1, Sum(host.Points("reporting.disclosure.publications"), ("action", "publish")));
    }

    [Fact]
    public async Task The_overdue_cases_are_a_gauge_by_stage()
    {
        // A report received two months ago with its acceptance notice due a month later: overdue since.
        var caseId = Guid.NewGuid();
        var receivedAt = DateTimeOffset.UtcNow.AddMonths(-2);
        var from = DateOnly.FromDateTime(receivedAt.UtcDateTime);
        var submitted = new ReportSubmitted(caseId, $"lookup-{caseId:N}", new byte[32], new SealedEnvelope("none", [0], new Dictionary<string, byte[]>()), null, "zh-CN", receivedAt);
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream(caseId, submitted, new DeadlineStarted(new Deadline(DeadlineKind.AcceptanceNotice, from, 15, "working-days", from.AddMonths(1), null)));
            await session.SaveChangesAsync();
        }

        for (var waited = System.Diagnostics.Stopwatch.StartNew(); Sum(host.Points("reporting.cases.overdue"), ("stage", "submitted")) < 1; await Task.Delay(100))
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "The overdue gauge never counted the overdue case.");
    }

    [Fact]
    public async Task An_informants_submission_and_refusal_are_not_shown_before_their_clock_hour_is_over()
    {
        var submissions = Sum(host.Points("reporting.intake.submissions"));
        var refusals = Sum(host.Points("reporting.intake.refusals"));
        // Cannot straddle an hour's end without a clock of its own (the unit tests move one): skip the minute before it.
        if (DateTimeOffset.UtcNow.Minute == 59)
            await Task.Delay(TimeSpan.FromSeconds(61 - DateTimeOffset.UtcNow.Second));

        await host.SubmitAsync(CaseFlowHost.Report());
        var refused = await host.Client.PostAsJsonAsync("/api/intake/reports", new { report = new { title = "" } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(submissions, Sum(host.Points("reporting.intake.submissions")));
        Assert.Equal(refusals, Sum(host.Points("reporting.intake.refusals")));
    }

    [Fact]
    public async Task Martens_and_Npgsqls_meters_reach_the_exporter_when_the_host_is_told_to_send_them()
    {
        await host.NewCaseAsync();

        var names = host.Names();

        Assert.Contains("marten.event.append", names);
        Assert.Contains(names, name => name.StartsWith("db.client.", StringComparison.Ordinal));
        Assert.Contains("http.server.request.duration", names);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Dependency_meters_stay_in_the_process_of_a_host_serving_Intake_unless_turned_on(bool intake, bool exported)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        var metrics = new List<Metric>();
        builder.Services.ConfigureOpenTelemetryMeterProvider(provider => provider.AddInMemoryExporter(metrics));
        builder.AddReportingTelemetry(new ModuleSelection(intake, Cases: true, Disclosure: true));
        using var app = builder.Build();
        var provider = app.Services.GetRequiredService<MeterProvider>();
        Marten.CreateCounter<long>("marten.event.append").Add(1);
        provider.ForceFlush();

        Assert.Equal(exported, metrics.Any(metric => metric.Name == "marten.event.append"));
    }

    [Fact]
    public void Tracing_is_refused_on_a_host_serving_Intake()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Configuration["Telemetry:Tracing"] = "true";

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddReportingTelemetry(new ModuleSelection(Intake: true, Cases: true, Disclosure: true)));
        Assert.Contains("Intake", error.Message, StringComparison.Ordinal);
        builder.AddReportingTelemetry(new ModuleSelection(Intake: false, Cases: true, Disclosure: true));
    }

    [Fact]
    public async Task A_host_process_sends_its_metrics_by_OTLP_to_the_collector_configured()
    {
        // The collector is a bare listener, not a second web application in this process (whose meters would be the
        // fixture's too): it keeps every body posted to /v1/metrics.
        var received = new System.Collections.Concurrent.ConcurrentQueue<byte[]>();
        var port = FreePort();
        using var collector = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        collector.Start();
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                var context = await collector.GetContextAsync();
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.Url?.AbsolutePath == "/v1/metrics")
                    received.Enqueue(body.ToArray());
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });
        var endpoint = $"http://127.0.0.1:{port}";

        await using var served = await HostProcess.ServeAsync(host.ConnectionString, "otlp-sender", host.KeysFile, "--Database:MigrateOnStartup=false", "--Modules=cases,disclosure",
            $"--OTEL_EXPORTER_OTLP_ENDPOINT={endpoint}", "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf", "--OTEL_METRIC_EXPORT_INTERVAL=300");
        using var client = new HttpClient { BaseAddress = served.BaseAddress };
        await client.GetAsync("/health");

        // OTLP is protobuf: a metric's name is there as its UTF-8 bytes.
        static int FreePort()
        {
            using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        static bool Names(byte[] body, string name) => body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(name)) >= 0;
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !received.Any(body => Names(body, "http.server.request.duration")); await Task.Delay(100))
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"No OTLP export named the request metric ({received.Count} received).\n{served.Log}");
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !received.Any(body => Names(body, "db.client.connection")); await Task.Delay(100))
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"No OTLP export named Npgsql's connection metrics ({received.Count} received).");
    }
}
