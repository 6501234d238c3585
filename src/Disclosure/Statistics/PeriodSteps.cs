using Reporting.CaseManagement.Contracts;

namespace Reporting.Disclosure.Statistics;

/// <summary>The periods next to a period, of the same kind, for links between them; none outside the years a period can name (2000 to 2099).</summary>
internal static class PeriodSteps
{
    public static StatisticsPeriod? Previous(this StatisticsPeriod period) => Step(period, -1);

    public static StatisticsPeriod? Next(this StatisticsPeriod period) => Step(period, +1);

    /// <summary>The quarter a month is in; null for a quarter or a year.</summary>
    public static StatisticsPeriod? QuarterOf(this StatisticsPeriod period) =>
        period.Month is { } month ? new StatisticsPeriod(period.Year, (month - 1) / 3 + 1, null) : null;

    public static StatisticsPeriod YearOf(this StatisticsPeriod period) => new(period.Year, null, null);

    private static StatisticsPeriod? Step(StatisticsPeriod period, int by)
    {
        StatisticsPeriod stepped;
        if (period.Month is { } month)
        {
            var index = period.Year * 12 + month - 1 + by;
            stepped = new StatisticsPeriod(index / 12, null, index % 12 + 1);
        }
        else if (period.Quarter is { } quarter)
        {
            var index = period.Year * 4 + quarter - 1 + by;
            stepped = new StatisticsPeriod(index / 4, index % 4 + 1, null);
        }
        else
            stepped = new StatisticsPeriod(period.Year + by, null, null);
        return stepped.Year is >= 2000 and <= 2099 ? stepped : null;
    }
}
