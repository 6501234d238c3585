using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Reporting.Envelopes.Benchmarks;

// In-process and short (about a minute): BenchmarkDotNet reports the cost of each operation.
var config = DefaultConfig.Instance
    .AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(15)
        .WithIterationTime(TimeInterval.FromMilliseconds(150)))
    .AddColumn(StatisticColumn.Median, StatisticColumn.Min);

BenchmarkRunner.Run<EnvelopeBenchmarks>(config);

// The overhead ratio comes from interleaved measurement instead: on a machine shared with other builds, separate
// runs of the two code paths a few seconds apart mostly measure the neighbours' load.
using var benchmarks = new EnvelopeBenchmarks();
benchmarks.Setup();
var sealOverhead = PairedOverhead.Measure(() => benchmarks.SealOurs(), () => benchmarks.SealDirect(), batch: 10);
var openOverhead = PairedOverhead.Measure(() => benchmarks.OpenOurs(), () => benchmarks.OpenDirect(), batch: 10);
var roundTripOverhead = PairedOverhead.Measure(
    () => { benchmarks.SealOurs(); benchmarks.OpenOurs(); },
    () => { benchmarks.SealDirect(); benchmarks.OpenDirect(); },
    batch: 10);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT envelopes seal_overhead={sealOverhead:0.000} open_overhead={openOverhead:0.000} round_trip_overhead={roundTripOverhead:0.000} (target <= 1.100)"));
