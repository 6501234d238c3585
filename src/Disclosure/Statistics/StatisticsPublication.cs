using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Reporting.CaseManagement.Contracts;

namespace Reporting.Disclosure.Statistics;

/// <summary>What the public may be told about a period: its table, or why not yet.</summary>
internal abstract record Publication
{
    public sealed record Ready(PublishedTable Table) : Publication;

    /// <summary>The period is still running: figures of an unfinished period could be subtracted from its final ones.</summary>
    public sealed record NotEnded(DateTimeOffset EndsAt) : Publication;

    /// <summary>The period has ended, but the counters have not yet caught up with its last events.</summary>
    public sealed record StillCounting : Publication;
}

/// <summary>
/// Publishes the statistics of ended periods, suppressed over the whole year's table, and keeps each result: an ended
/// period's counters no longer change, and the table is recomputed only if they somehow did.
/// </summary>
internal sealed class StatisticsPublication(IMonthlyCaseCounts counts, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string Counters, PublishedTable Table)> _published = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _counted = new(StringComparer.Ordinal);

    /// <summary>The month that ended last, China time: what a reader who names no period is shown.</summary>
    public StatisticsPeriod LatestEndedMonth()
    {
        var now = time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var previous = new DateTime(now.Year, now.Month, 1).AddMonths(-1);
        return new StatisticsPeriod(previous.Year, null, previous.Month);
    }

    public bool HasEnded(StatisticsPeriod period) => time.GetUtcNow() >= period.EndsAt;

    public async Task<Publication> ForAsync(StatisticsPeriod period, CancellationToken cancellationToken)
    {
        if (!HasEnded(period))
            return new Publication.NotEnded(period.EndsAt);
        if (!_counted.ContainsKey(period.Key))
        {
            if (!await counts.HaveCountedEverythingBeforeAsync(period.EndsAt, cancellationToken))
                return new Publication.StillCounting();
            _counted[period.Key] = true;
        }

        // The year's table up to the period's last month: later months never change the marks of earlier ones.
        var months = Enumerable.Range(1, period.MonthNumbers[^1]).Select(month => $"{period.Year:D4}-{month:D2}").ToList();
        var counters = await counts.ForMonthsAsync(months, cancellationToken);
        var fingerprint = Fingerprint(counters);
        if (_published.TryGetValue(period.Key, out var kept) && kept.Counters == fingerprint)
            return new Publication.Ready(kept.Table);
        var table = YearTable.Publish(period, counters);
        _published[period.Key] = (fingerprint, table);
        return new Publication.Ready(table);
    }

    private static string Fingerprint(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> counters)
    {
        var text = new StringBuilder();
        foreach (var (month, counts) in counters.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            foreach (var (counter, count) in counts.OrderBy(entry => entry.Key, StringComparer.Ordinal))
                text.Append(CultureInfo.InvariantCulture, $"{month}/{counter}={count};");
        return text.ToString();
    }
}
