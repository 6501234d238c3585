using Reporting.Disclosure.Statistics.Suppressing;

namespace Reporting.Disclosure.Tests.Statistics;

/// <summary>
/// Small tables shaped like the public one, drawn from a seed: a total row with two or three parts, one of which may
/// have two parts of its own, by months grouped into quarters (one quarter of three months, or two of two months and
/// their year), each month a stage as in the public table. Figures are mostly small, so that suppression has work.
/// </summary>
internal sealed record SmallTable(TableShape Shape, int[] Values, int[][] LeafCellsOf, int[] Leaves, string Description)
{
    public static SmallTable Draw(Random random)
    {
        // Rows: 0 is the total; its parts; the sub-parts of part 1 when it has them. Every row lists its parts.
        var partsCount = random.Next(2, 4);
        var deep = random.Next(2) == 0;
        var rowParts = new List<int[]> { Enumerable.Range(1, partsCount).ToArray() };
        for (var part = 1; part <= partsCount; part++)
            rowParts.Add(deep && part == 1 ? [partsCount + 1, partsCount + 2] : []);
        if (deep)
            rowParts.AddRange([[], []]);
        var rows = rowParts.Count;

        // Columns: months first, then quarters, then the year when there are two quarters.
        var quarters = random.Next(1, 3);
        var monthsPerQuarter = quarters == 1 ? 3 : 2;
        var months = quarters * monthsPerQuarter;
        var columns = months + quarters + (quarters == 2 ? 1 : 0);
        var columnParts = new List<int[]>();
        for (var month = 0; month < months; month++)
            columnParts.Add([]);
        for (var quarter = 0; quarter < quarters; quarter++)
            columnParts.Add([.. Enumerable.Range(quarter * monthsPerQuarter, monthsPerQuarter)]);
        if (quarters == 2)
            columnParts.Add([months, months + 1]);

        int Cell(int row, int column) => row * columns + column;
        var relations = new List<Relation>();
        for (var row = 0; row < rows; row++)
            for (var column = 0; column < columns; column++)
            {
                if (rowParts[row].Length > 0)
                    relations.Add(new Relation(Cell(row, column), [.. rowParts[row].Select(part => Cell(part, column))]));
                if (columnParts[column].Length > 0)
                    relations.Add(new Relation(Cell(row, column), [.. columnParts[column].Select(part => Cell(row, part))]));
            }

        var leafRows = Enumerable.Range(0, rows).Where(row => rowParts[row].Length == 0).ToArray();
        int[] LeavesUnder(int row, int column)
        {
            var rowLeaves = rowParts[row].Length == 0 ? [row] : rowParts[row].SelectMany(part => rowParts[part].Length == 0 ? [part] : rowParts[part]).ToArray();
            var columnLeaves = columnParts[column].Length == 0 ? [column] : columnParts[column].SelectMany(part => columnParts[part].Length == 0 ? [part] : columnParts[part]).ToArray();
            return [.. rowLeaves.SelectMany(leafRow => columnLeaves.Select(leafColumn => Cell(leafRow, leafColumn)))];
        }
        var leafCellsOf = new int[rows * columns][];
        for (var row = 0; row < rows; row++)
            for (var column = 0; column < columns; column++)
                leafCellsOf[Cell(row, column)] = LeavesUnder(row, column);

        var values = new int[rows * columns];
        // Month by month, so that the exact reader's search closes each month's sums early.
        var leaves = Enumerable.Range(0, months).SelectMany(month => leafRows.Select(row => Cell(row, month))).ToArray();
        foreach (var leaf in leaves)
            values[leaf] = random.Next(10) < 6 ? random.Next(0, 4) : random.Next(5, 16);
        for (var cell = 0; cell < values.Length; cell++)
            values[cell] = leafCellsOf[cell].Sum(leaf => values[leaf]);

        var stages = Enumerable.Range(0, months).Select(month =>
        {
            var shown = new List<int> { month };
            if ((month + 1) % monthsPerQuarter == 0)
                shown.Add(months + month / monthsPerQuarter);
            if (quarters == 2 && month == months - 1)
                shown.Add(columns - 1);
            return (IReadOnlyList<int>)[.. shown.SelectMany(column => Enumerable.Range(0, rows).Select(row => Cell(row, column)))];
        }).ToArray();

        var description = $"{rows} rows ({partsCount} parts{(deep ? ", one with two" : "")}) by {columns} columns ({quarters} quarter(s) of {monthsPerQuarter} months); leaves {string.Join(",", leaves.Select(leaf => values[leaf]))}";
        return new SmallTable(new TableShape(rows * columns, relations, stages), values, leafCellsOf, leaves, description);
    }
}
