using Microsoft.Extensions.Options;
using Reporting.Intake.Flood;

namespace Reporting.Intake.Tests.Flood;

public sealed class GlobalTokenBucketTests
{
    [Fact]
    public void The_bucket_sheds_past_its_burst_and_refills_with_time()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        var bucket = new GlobalTokenBucket(clock, Options.Create(new IntakeOptions { Flood = { BurstSize = 3, RefillPerSecond = 2 } }));

        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => bucket.TryTake()).ToArray());
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => bucket.TryTake()).ToArray());
    }
}
