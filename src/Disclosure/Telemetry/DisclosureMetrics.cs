using System.Diagnostics.Metrics;

namespace Reporting.Disclosure.Telemetry;

/// <summary>What the public record counts: notices published, corrected and withdrawn, each a change the public sees.</summary>
public sealed class DisclosureMetrics
{
    public const string MeterName = "Reporting.Disclosure";

    private readonly Counter<long> _publications;

    public DisclosureMetrics(IMeterFactory meters) =>
        _publications = meters.Create(MeterName).CreateCounter<long>("reporting.disclosure.publications", unit: "{notice}",
            description: "Notice versions made public, by action (publish, correct, withdraw).");

    public void Published(string action) => _publications.Add(1, new KeyValuePair<string, object?>("action", action));
}
