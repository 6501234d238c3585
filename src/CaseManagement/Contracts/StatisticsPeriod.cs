using System.Globalization;
using System.Text.RegularExpressions;

namespace Reporting.CaseManagement.Contracts;

/// <summary>A period the statistics are asked for: a month (<c>2026-11</c>), a quarter (<c>2026-Q4</c>) or a year (<c>2026</c>), China's calendar.</summary>
public sealed partial record StatisticsPeriod(int Year, int? Quarter, int? Month)
{
    public const string Expected = "a month (2026-11), a quarter (2026-Q4) or a year (2026)";

    public static StatisticsPeriod? Parse(string? period)
    {
        var match = Pattern().Match(period ?? "");
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        return match.Groups["month"].Success ? new(year, null, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture))
            : match.Groups["quarter"].Success ? new(year, int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture), null)
            : new(year, null, null);
    }

    /// <summary>The months of a period as the counters name them (<c>yyyy-MM</c>), or null for anything that is not a period.</summary>
    public static IReadOnlyList<string>? MonthsOf(string? period) => Parse(period)?.Months;

    public string Key => Month is { } month ? $"{Year:D4}-{month:D2}" : Quarter is { } quarter ? $"{Year:D4}-Q{quarter}" : $"{Year:D4}";

    public IReadOnlyList<int> MonthNumbers => Month is { } month ? [month] : Quarter is { } quarter ? [.. Enumerable.Range((quarter - 1) * 3 + 1, 3)] : [.. Enumerable.Range(1, 12)];

    public IReadOnlyList<string> Months => [.. MonthNumbers.Select(month => $"{Year:D4}-{month:D2}")];

    /// <summary>The first instant after the period, midnight China time (UTC+8) of the day after its last.</summary>
    public DateTimeOffset EndsAt
    {
        get
        {
            var last = MonthNumbers[^1];
            return new DateTimeOffset(last == 12 ? Year + 1 : Year, last == 12 ? 1 : last + 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        }
    }

    public override string ToString() => Key;

    [GeneratedRegex("^(?<year>20[0-9]{2})(-(?<month>0[1-9]|1[0-2])|-Q(?<quarter>[1-4]))?$")]
    private static partial Regex Pattern();
}
