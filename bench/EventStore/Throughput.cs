using System.Diagnostics;

namespace Reporting.EventStore.Bench;

/// <summary>
/// Runs units of work on several writers at once and counts events per second. Two contenders run in alternating
/// one-second slices, so that the changing load of this shared machine falls on both alike.
/// </summary>
public static class Throughput
{
    private const int Rounds = 4;
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(1);

    /// <param name="first">Writes and returns how many events it wrote; likewise <paramref name="second"/>.</param>
    public static async Task<(double First, double Second)> CompareAsync(int writers, Func<Task<int>> first, Func<Task<int>> second)
    {
        await RunAsync(writers, Slice, first);
        await RunAsync(writers, Slice, second);
        double firstRate = 0, secondRate = 0;
        for (var round = 0; round < Rounds; round++)
        {
            firstRate += await RateAsync(writers, first) / Rounds;
            secondRate += await RateAsync(writers, second) / Rounds;
        }
        return (firstRate, secondRate);
    }

    public static async Task<double> EventsPerSecondAsync(int writers, Func<Task<int>> unit)
    {
        await RunAsync(writers, Slice, unit);
        double rate = 0;
        for (var round = 0; round < Rounds; round++)
            rate += await RateAsync(writers, unit) / Rounds;
        return rate;
    }

    private static async Task<double> RateAsync(int writers, Func<Task<int>> unit)
    {
        var stopwatch = Stopwatch.StartNew();
        var events = await RunAsync(writers, Slice, unit);
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
