using System.Globalization;
using Reporting.CaseManagement.Contracts;

namespace Reporting.Disclosure.Statistics;

/// <summary>A column of the public table: a month, a quarter (the sum of its months) or a year (the sum of its quarters).</summary>
internal sealed record StatisticsColumn(StatisticsPeriod Period, string Chinese, string English)
{
    public string Key => Period.Key;

    public string Kind => Period.Month is not null ? "month" : Period.Quarter is not null ? "quarter" : "year";
}

/// <summary>The columns of a year's table, and which of them a period shows: its months, its quarters and its total.</summary>
internal static class StatisticsColumns
{
    private static readonly string[] QuarterNames = ["第一季度", "第二季度", "第三季度", "第四季度"];

    /// <summary>Twelve months, four quarters and the year, in that order.</summary>
    public static IReadOnlyList<StatisticsColumn> OfYear(int year) =>
    [
        .. Enumerable.Range(1, 12).Select(month => new StatisticsColumn(new(year, null, month), $"{year}年{month}月",
            new DateTime(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture))),
        .. Enumerable.Range(1, 4).Select(quarter => new StatisticsColumn(new(year, quarter, null), $"{year}年{QuarterNames[quarter - 1]}", $"Q{quarter} {year}")),
        new StatisticsColumn(new(year, null, null), $"{year}年全年", $"Year {year}"),
    ];

    public static bool Shows(StatisticsPeriod period, StatisticsColumn column) =>
        column.Period.Year == period.Year && column.Period.MonthNumbers.All(period.MonthNumbers.Contains);
}
