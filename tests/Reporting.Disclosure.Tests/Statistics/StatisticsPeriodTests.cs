using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.Statistics;

namespace Reporting.Disclosure.Tests.Statistics;

public sealed class StatisticsPeriodTests
{
    [Theory]
    [InlineData("2026-11", new[] { "2026-11" })]
    [InlineData("2026-Q4", new[] { "2026-10", "2026-11", "2026-12" })]
    [InlineData("2026-Q1", new[] { "2026-01", "2026-02", "2026-03" })]
    public void A_month_or_a_quarter_names_its_months(string period, string[] months) =>
        Assert.Equal(months, StatisticsPeriod.MonthsOf(period));

    [Fact]
    public void A_year_names_its_twelve_months() =>
        Assert.Equal([.. Enumerable.Range(1, 12).Select(month => $"2026-{month:D2}")], StatisticsPeriod.MonthsOf("2026"));

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("2026-1")]
    [InlineData("1999")]
    [InlineData("2026-11 ")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_period(string? period) => Assert.Null(StatisticsPeriod.Parse(period));

    [Theory]
    [InlineData("2026-11", "2026-11-30T16:00:00Z")]
    [InlineData("2026-Q4", "2026-12-31T16:00:00Z")]
    [InlineData("2026", "2026-12-31T16:00:00Z")]
    [InlineData("2026-Q1", "2026-03-31T16:00:00Z")]
    public void A_period_ends_at_midnight_China_time_after_its_last_day(string period, string end) =>
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), StatisticsPeriod.Parse(period)!.EndsAt);

    [Theory]
    [InlineData("2026-01", "2025-12", "2026-02")]
    [InlineData("2026-Q1", "2025-Q4", "2026-Q2")]
    [InlineData("2026", "2025", "2027")]
    public void The_periods_around_are_of_the_same_kind(string period, string previous, string next)
    {
        var parsed = StatisticsPeriod.Parse(period)!;

        Assert.Equal(previous, parsed.Previous()!.Key);
        Assert.Equal(next, parsed.Next()!.Key);
    }

    [Fact]
    public void A_month_belongs_to_its_quarter_and_its_year()
    {
        Assert.Equal("2026-Q3", StatisticsPeriod.Parse("2026-08")!.QuarterOf()!.Key);
        Assert.Equal("2026", StatisticsPeriod.Parse("2026-08")!.YearOf().Key);
        Assert.Null(StatisticsPeriod.Parse("2000")!.Previous());
    }
}
