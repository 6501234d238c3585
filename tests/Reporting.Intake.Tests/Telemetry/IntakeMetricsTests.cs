using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Reporting.Intake.Telemetry;
using System.Diagnostics.Metrics;

namespace Reporting.Intake.Tests.Telemetry;

/// <summary>Intake's counts leave the process only once their clock hour is over, as its stored times do.</summary>
public sealed class IntakeMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<Metric> _exported = [];
    private readonly MeterProvider _provider;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 4, 10, 59, 30, TimeSpan.Zero));
    private readonly IntakeMetrics _metrics;

    public IntakeMetricsTests()
    {
        _provider = Sdk.CreateMeterProviderBuilder().AddMeter(IntakeMetrics.MeterName).AddInMemoryExporter(_exported).Build();
        _metrics = new IntakeMetrics(_services.GetRequiredService<IMeterFactory>(), _clock);
    }

    private long Exported(string name, string? reason = null)
    {
        _exported.Clear();
        _provider.ForceFlush();
        long total = 0;
        foreach (var metric in _exported.Where(metric => metric.Name == name))
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                    tags[tag.Key] = tag.Value;
                if (reason is null || Equals(tags.GetValueOrDefault("reason"), reason))
                    total += point.GetSumLong();
            }
        return total;
    }

    [Fact]
    public void Counts_of_an_hour_appear_once_it_is_over_and_not_before()
    {
        _metrics.Submitted("api");
        _metrics.Submitted("portal");
        _metrics.Refused("/api/intake/reports", 429);
        Assert.Equal(0, Exported("reporting.intake.submissions"));
        Assert.Equal(0, Exported("reporting.intake.refusals"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        _metrics.Submitted("api");

        Assert.Equal(2, Exported("reporting.intake.submissions"));
        Assert.Equal(1, Exported("reporting.intake.refusals", reason: "flood"));

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, Exported("reporting.intake.submissions"));
    }

    [Theory]
    [InlineData(400, "invalid")]
    [InlineData(403, "proof-of-work-or-form-token")]
    [InlineData(413, "too-large")]
    [InlineData(503, "unavailable")]
    [InlineData(418, "418")]
    public void A_refusal_is_counted_under_its_reason(int status, string reason)
    {
        _metrics.Refused("/api/intake/reports", status);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(1, Exported("reporting.intake.refusals", reason));
    }

    public void Dispose()
    {
        _provider.Dispose();
        _services.Dispose();
    }
}
