using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.Statistics.Suppressing;

namespace Reporting.Disclosure.Statistics;

/// <summary>How a cell is published: its figure when <see cref="Mark"/> is <see cref="CellMark.Published"/>, otherwise only its mark.</summary>
internal readonly record struct PublishedCell(CellMark Mark, int? Value);

internal sealed record PublishedRow(StatisticsRow Row, IReadOnlyList<PublishedCell> Cells);

/// <summary>The public table of a period: its columns, and every row with one cell per column.</summary>
internal sealed record PublishedTable(StatisticsPeriod Period, IReadOnlyList<StatisticsColumn> Columns, IReadOnlyList<PublishedRow> Rows);

/// <summary>
/// A year's whole table, rows by columns, with the relations a reader knows (a total row is the sum of its parts, a
/// quarter of its months, the year of its quarters) and one stage per month: a month's column comes out when the month
/// has ended, with its quarter's column after the quarter's last month and the year's after December. Every period is
/// published from this one table, so that answers about different periods of a year all come from one pattern.
/// </summary>
internal static class YearTable
{
    private static readonly IReadOnlyList<StatisticsRow> Rows = StatisticsRows.All;
    private const int Columns = 17;
    private static readonly TableShape Shape = BuildShape();

    public static PublishedTable Publish(StatisticsPeriod period, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> counts)
    {
        var columns = StatisticsColumns.OfYear(period.Year);
        var values = Values(columns, counts);
        var marks = SmallCellSuppression.Apply(Shape, values, stagesOut: period.MonthNumbers[^1]);
        var shown = Enumerable.Range(0, Columns).Where(column => StatisticsColumns.Shows(period, columns[column])).ToList();
        return new PublishedTable(period, [.. shown.Select(column => columns[column])],
        [
            .. Rows.Select((row, index) => new PublishedRow(row,
            [
                .. shown.Select(column => Cell(index, column) is var cell && marks[cell] == CellMark.Published
                    ? new PublishedCell(CellMark.Published, values[cell])
                    : new PublishedCell(marks[cell], null)),
            ])),
        ]);
    }

    private static int Cell(int row, int column) => row * Columns + column;

    /// <summary>The true figures: counters for a month's cells, sums for every other cell.</summary>
    private static int[] Values(IReadOnlyList<StatisticsColumn> columns, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> counts)
    {
        var values = new int[Rows.Count * Columns];
        for (var row = Rows.Count - 1; row >= 0; row--)
            for (var month = 0; month < 12; month++)
                values[Cell(row, month)] = Rows[row].Counter is { } counter
                    ? counts.GetValueOrDefault(columns[month].Key)?.GetValueOrDefault(counter) ?? 0
                    : PartsOf(row).Sum(part => values[Cell(part, month)]);
        for (var row = 0; row < Rows.Count; row++)
        {
            for (var quarter = 0; quarter < 4; quarter++)
                values[Cell(row, 12 + quarter)] = Enumerable.Range(quarter * 3, 3).Sum(month => values[Cell(row, month)]);
            values[Cell(row, 16)] = Enumerable.Range(12, 4).Sum(quarter => values[Cell(row, quarter)]);
        }
        return values;
    }

    private static IEnumerable<int> PartsOf(int row) =>
        Enumerable.Range(0, Rows.Count).Where(part => Rows[part].PartOf == Rows[row].Key);

    private static TableShape BuildShape()
    {
        var relations = new List<Relation>();
        for (var row = 0; row < Rows.Count; row++)
        {
            var parts = PartsOf(row).ToList();
            if (parts.Count > 0)
                for (var column = 0; column < Columns; column++)
                    relations.Add(new Relation(Cell(row, column), [.. parts.Select(part => Cell(part, column))]));
            for (var quarter = 0; quarter < 4; quarter++)
                relations.Add(new Relation(Cell(row, 12 + quarter), [.. Enumerable.Range(quarter * 3, 3).Select(month => Cell(row, month))]));
            relations.Add(new Relation(Cell(row, 16), [.. Enumerable.Range(12, 4).Select(quarter => Cell(row, quarter))]));
        }
        var stages = Enumerable.Range(1, 12).Select(month =>
        {
            IEnumerable<int> columns = [month - 1];
            if (month % 3 == 0)
                columns = columns.Append(12 + month / 3 - 1);
            if (month == 12)
                columns = columns.Append(16);
            return (IReadOnlyList<int>)[.. columns.SelectMany(column => Enumerable.Range(0, Rows.Count).Select(row => Cell(row, column)))];
        });
        return new TableShape(Rows.Count * Columns, relations, [.. stages]);
    }
}
