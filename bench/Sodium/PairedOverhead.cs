using System.Diagnostics;

namespace Reporting.Sodium.Benchmarks;

/// <summary>
/// Measures the binding against the direct calls in alternating short batches, so that load from other processes
/// falls on both alike; the overhead is the median of the per-round time ratios.
/// </summary>
internal static class PairedOverhead
{
    private const int Rounds = 301;

    public static double Measure(Action binding, Action direct, int batch)
    {
        for (var warmup = 0; warmup < 5; warmup++)
        {
            Time(binding, batch);
            Time(direct, batch);
        }

        var ratios = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            long bindingTicks, directTicks;
            if (round % 2 == 0)
            {
                bindingTicks = Time(binding, batch);
                directTicks = Time(direct, batch);
            }
            else
            {
                directTicks = Time(direct, batch);
                bindingTicks = Time(binding, batch);
            }

            ratios[round] = (double)bindingTicks / directTicks;
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
