using System.Diagnostics;

namespace Reporting.Envelopes.Benchmarks;

/// <summary>
/// Measures our code against the direct calls in alternating short batches, so that load from other processes
/// falls on both alike; the overhead is the median of the per-round time ratios.
/// </summary>
internal static class PairedOverhead
{
    private const int Rounds = 301;

    public static double Measure(Action ours, Action direct, int batch)
    {
        for (var warmup = 0; warmup < 5; warmup++)
        {
            Time(ours, batch);
            Time(direct, batch);
        }

        var ratios = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            long oursTicks, directTicks;
            if (round % 2 == 0)
            {
                oursTicks = Time(ours, batch);
                directTicks = Time(direct, batch);
            }
            else
            {
                directTicks = Time(direct, batch);
                oursTicks = Time(ours, batch);
            }

            ratios[round] = (double)oursTicks / directTicks;
        }

        Array.Sort(ratios);
        return ratios[Rounds / 2];
    }

    private static long Time(Action action, int batch)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < batch; i++)
        {
            action();
        }

        return Stopwatch.GetTimestamp() - start;
    }
}
