using System.Diagnostics;
using System.Net;
using Npgsql;

namespace Reporting.Cases.Bench;

/// <summary>
/// Submits reports at a steady rate and samples, every 10 ms, the head of the event log and how far the slowest async
/// projection has got (Marten's own HighWaterMark and HighWaterAllocationFence rows are not projections). A sample's lag is the time from when the log reached its head until the projections had
/// processed up to it.
/// </summary>
internal static class ProjectionLag
{
    /// <param name="FirstFailure">The status and problem of the first refused submission, if any: a benchmark that only fails measures nothing.</param>
    public sealed record Result(int Submitted, int Failed, double P50, double P99, string? FirstFailure);

    private const string Body = """
        {"report":{"accused":[{"name":"张三","position":"局长","organization":"某市交通运输局"}],"categories":["integrity"],
        "title":"工程项目中收受回扣","details":"二〇二六年三月以来，在道路工程招标中多次收受中标企业回扣，并安排亲属参与分包。","occurredFrom":"2026-03-01","language":"zh-CN"},
        "proofOfWork":{"challenge":"none","nonce":"0"}}
        """;

    public static async Task<Result> MeasureAsync(NpgsqlDataSource dataSource, HttpClient client, int perSecond, TimeSpan duration)
    {
        var submitted = 0;
        var failed = 0;
        string? firstFailure = null;
        var inFlight = new List<Task>();
        var samples = new List<(double At, long Head, long Progress)>();
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                await using var command = dataSource.CreateCommand(
                    "SELECT (SELECT coalesce(max(seq_id), 0) FROM mt_events), (SELECT coalesce(min(last_seq_id), 0) FROM mt_event_progression WHERE name NOT LIKE 'HighWater%')");
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                samples.Add((clock.Elapsed.TotalMilliseconds, reader.GetInt64(0), reader.GetInt64(1)));
                await Task.Delay(10);
            }
        });

        async Task SubmitAsync()
        {
            var challenge = await client.PostAsync(new Uri("/api/intake/challenges", UriKind.Relative), null);
            var text = System.Text.Json.JsonDocument.Parse(await challenge.Content.ReadAsStringAsync()).RootElement.GetProperty("challenge").GetString();
            using var content = new StringContent(Body.Replace("\"none\"", $"\"{text}\"", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/intake/reports", UriKind.Relative), content);
            if (response.StatusCode == HttpStatusCode.Created)
                Interlocked.Increment(ref submitted);
            else if (Interlocked.Increment(ref failed) == 1)
                firstFailure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var next = TimeSpan.Zero;
        while (clock.Elapsed < duration)
        {
            while (next <= clock.Elapsed)
            {
                inFlight.Add(SubmitAsync());
                next += interval;
            }
            await Task.Delay(2);
        }
        await Task.WhenAll(inFlight);
        await Task.Delay(2000);
        await sampling.CancelAsync();
        await sampler;

        var lags = new List<double>();
        var caughtUp = 0;
        for (var i = 0; i < samples.Count; i++)
        {
            var (at, head, _) = samples[i];
            if (at > duration.TotalMilliseconds)
                break;
            var first = samples.FindIndex(Math.Max(caughtUp, i), sample => sample.Progress >= head);
            if (first < 0)
                lags.Add(samples[^1].At - at);
            else
            {
                caughtUp = first;
                lags.Add(samples[first].At - at);
            }
        }
        var sorted = lags.Order().ToArray();
        double Percentile(double fraction) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(fraction * sorted.Length) - 1)];
        return new Result(submitted, failed, Percentile(0.50), Percentile(0.99), firstFailure);
    }
}
