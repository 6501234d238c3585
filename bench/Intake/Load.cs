using System.Diagnostics;

namespace Reporting.Intake.Bench;

/// <summary>Runs one operation from many concurrent workers for a fixed time and keeps every latency.</summary>
public static class Load
{
    public static async Task<LoadResult> RunAsync(int workers, TimeSpan duration, Func<Task> operation)
    {
        var latencies = new List<double>[workers];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await operation();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(list => list).Order().ToArray();
        return new LoadResult(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all.Length);
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(fraction * sorted.Length) - 1)];
}

public sealed record LoadResult(double PerSecond, double P50, double P99, int Operations);
