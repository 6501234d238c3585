using System.Diagnostics;

namespace Reporting.EventStore.Bench;

/// <summary>Runs a unit of work on several writers at once for a fixed time, after a warm-up, and counts events per second.</summary>
public static class Throughput
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(5);

    /// <param name="unit">Writes and returns how many events it wrote.</param>
    public static async Task<double> EventsPerSecondAsync(int writers, Func<Task<int>> unit)
    {
        await RunAsync(writers, WarmUp, unit);
        var stopwatch = Stopwatch.StartNew();
        var events = await RunAsync(writers, Measured, unit);
        return events / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<long> RunAsync(int writers, TimeSpan duration, Func<Task<int>> unit)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            long written = 0;
            while (Stopwatch.GetTimestamp() < deadline)
                written += await unit();
            return written;
        })));
        return counts.Sum();
    }
}
