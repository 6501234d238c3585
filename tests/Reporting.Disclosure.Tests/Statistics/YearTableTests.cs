using System.Text.Json;
using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.Statistics;
using Reporting.Disclosure.Statistics.Suppressing;

namespace Reporting.Disclosure.Tests.Statistics;

/// <summary>The public table of a year as a small commission would publish it, month by month, quarter by quarter, and whole.</summary>
public sealed class YearTableTests
{
    private static readonly StatisticsPeriod[] Periods =
    [
        .. Enumerable.Range(1, 12).Select(month => new StatisticsPeriod(2025, null, month)),
        .. Enumerable.Range(1, 4).Select(quarter => new StatisticsPeriod(2025, quarter, null)),
        new StatisticsPeriod(2025, null, null),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_period_of_a_year_reads_the_same_in_every_answer_and_leaves_no_small_remainder(int seed)
    {
        var counts = YearCounts.Draw(new Random(seed), 2025);
        var figures = new PublishedFigures();

        foreach (var period in Periods)
            figures.Add(JsonDocument.Parse(StatisticsJson.Serialize(YearTable.Publish(period, counts))).RootElement);

        Assert.Equal(StatisticsRows.All.Count * 17, figures.Cells.Count);
        figures.AssertNoSmallRemainder();
    }

    [Fact]
    public void Every_figure_published_is_the_true_one_and_every_true_figure_under_five_is_marked()
    {
        var counts = YearCounts.Draw(new Random(3), 2025);
        var table = YearTable.Publish(new StatisticsPeriod(2025, 2, null), counts);
        var april = counts["2025-04"];

        var received = table.Rows.Single(row => row.Row.Key == "received").Cells[0];
        var talks = table.Rows.Single(row => row.Row.Key == "disposition:talk-inquiry").Cells[0];
        var dispositions = table.Rows.Single(row => row.Row.Key == "dispositions").Cells[0];

        Assert.Equal(["2025-04", "2025-05", "2025-06", "2025-Q2"], table.Columns.Select(column => column.Key));
        Assert.True(received.Mark == CellMark.Withheld || received.Value == april[CaseCounter.Received]);
        Assert.True(talks.Mark == CellMark.Withheld || talks.Value == april[CaseCounter.TalkInquiry]);
        var total = april[CaseCounter.TalkInquiry] + april[CaseCounter.PreliminaryVerification] + april[CaseCounter.Parked] + april[CaseCounter.ClosedWithoutAction];
        Assert.True(dispositions.Mark == CellMark.Withheld || dispositions.Value == total);
        foreach (var row in table.Rows)
            Assert.All(row.Cells, cell => Assert.True(cell.Mark != CellMark.Published || cell.Value >= 5));
    }

    [Fact]
    public void A_year_with_nothing_counted_shows_every_cell_as_under_five()
    {
        var table = YearTable.Publish(new StatisticsPeriod(2024, null, null), new Dictionary<string, IReadOnlyDictionary<string, int>>());

        Assert.All(table.Rows.SelectMany(row => row.Cells), cell => Assert.Equal(CellMark.Small, cell.Mark));
    }
}
