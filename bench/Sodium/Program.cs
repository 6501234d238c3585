using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Reporting.Sodium.Benchmarks;

// In-process and short (about a minute): BenchmarkDotNet reports the cost of each operation.
var config = DefaultConfig.Instance
    .AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(15)
        .WithIterationTime(TimeInterval.FromMilliseconds(150)))
    .AddColumn(StatisticColumn.Median, StatisticColumn.Min);

BenchmarkRunner.Run<SodiumBenchmarks>(config);

// The overhead ratios come from interleaved measurement instead: on a machine shared with other builds, separate
// runs of the two code paths a few seconds apart mostly measure the neighbours' load.
using var benchmarks = new SodiumBenchmarks();
benchmarks.Setup();
var sealOverhead = PairedOverhead.Measure(
    () => { benchmarks.SealBinding(); benchmarks.OpenBinding(); },
    () => { benchmarks.SealDirect(); benchmarks.OpenDirect(); },
    batch: 10);
var aeadOverhead = PairedOverhead.Measure(
    () => { benchmarks.EncryptBinding(); benchmarks.DecryptBinding(); },
    () => { benchmarks.EncryptDirect(); benchmarks.DecryptDirect(); },
    batch: 100);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT sodium seal_overhead={sealOverhead:0.000} aead_overhead={aeadOverhead:0.000}"));
