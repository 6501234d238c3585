using System.Diagnostics.Metrics;

namespace Reporting.Intake.Telemetry;

/// <summary>
/// What Intake counts: reports kept, and requests refused by reason. Nothing of an informant is in a tag (a route's
/// pattern, a reason, a channel). A count is released only once its clock hour is over, so that a metrics store,
/// which keeps a point every export interval, learns of an informant's request no more exactly than the report's own
/// record does (to the hour).
/// </summary>
public sealed class IntakeMetrics
{
    public const string MeterName = "Reporting.Intake";

    private readonly HourlyRelease<(string Channel, string None)> _submissions;
    private readonly HourlyRelease<(string Route, string Reason)> _refusals;

    public IntakeMetrics(IMeterFactory meters, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        _submissions = new HourlyRelease<(string, string)>(clock);
        _refusals = new HourlyRelease<(string, string)>(clock);
        meter.CreateObservableCounter("reporting.intake.submissions",
            () => _submissions.Released().Select(count => new Measurement<long>(count.Value, new KeyValuePair<string, object?>("channel", count.Key.Channel))),
            unit: "{report}", description: "Reports kept and given a receipt, counted once their clock hour is over.");
        meter.CreateObservableCounter("reporting.intake.refusals",
            () => _refusals.Released().Select(count => new Measurement<long>(count.Value,
                new KeyValuePair<string, object?>("route", count.Key.Route), new KeyValuePair<string, object?>("reason", count.Key.Reason))),
            unit: "{request}", description: "Intake requests refused, by route pattern and reason, counted once their clock hour is over.");
    }

    /// <summary>A report kept: <paramref name="channel"/> is <c>api</c> or <c>portal</c>.</summary>
    public void Submitted(string channel) => _submissions.Add((channel, ""));

    public void Refused(string route, int status) => _refusals.Add((route, Reason(status)));

    private static string Reason(int status) => status switch
    {
        400 => "invalid",
        403 => "proof-of-work-or-form-token",
        404 => "unknown-receipt",
        409 => "conflict",
        413 => "too-large",
        415 => "unsupported-type",
        422 => "unprocessable",
        429 => "flood",
        503 => "unavailable",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
