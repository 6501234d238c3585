using System.Diagnostics.Metrics;

namespace Reporting.CaseManagement.Telemetry;

/// <summary>
/// What the case workflow counts: actions taken or refused, by action and outcome, and the cases overdue now, by stage.
/// No tag names a case, a person or a text.
/// </summary>
public sealed class CaseMetrics
{
    public const string MeterName = "Reporting.Cases";

    private readonly Counter<long> _actions;
    private volatile IReadOnlyDictionary<string, long> _overdue = new Dictionary<string, long>();

    public CaseMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _actions = meter.CreateCounter<long>("reporting.cases.actions", unit: "{action}",
            description: "Case actions asked for, by action and outcome (taken, invalid, refused, forbidden, stale, not-found).");
        meter.CreateObservableGauge("reporting.cases.overdue",
            () => _overdue.Select(stage => new Measurement<long>(stage.Value, new KeyValuePair<string, object?>("stage", stage.Key))),
            unit: "{case}", description: "Cases past their earliest running deadline, by stage, as last counted.");
    }

    public void Acted(string action, string outcome) =>
        _actions.Add(1, new KeyValuePair<string, object?>("action", action), new KeyValuePair<string, object?>("outcome", outcome));

    public void Overdue(IReadOnlyDictionary<string, long> byStage) => _overdue = byStage;
}
