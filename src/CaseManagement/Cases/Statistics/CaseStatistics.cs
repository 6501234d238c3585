namespace Reporting.CaseManagement.Cases.Statistics;

/// <summary>
/// How many reports and cases did what in one month of China's calendar (<c>2026-11</c>): received, registered by
/// category and channel, routed, disposed of, filed, decided by sanction, closed, appealed. Counts only, never a case.
/// </summary>
public sealed class CaseStatistics
{
    public string Id { get; set; } = "";

    public Dictionary<string, int> Counts { get; set; } = new(StringComparer.Ordinal);

    public void Add(string counter) => Counts[counter] = Counts.GetValueOrDefault(counter) + 1;
}
