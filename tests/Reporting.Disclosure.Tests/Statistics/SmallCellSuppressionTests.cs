using Reporting.Disclosure.Statistics.Suppressing;

namespace Reporting.Disclosure.Tests.Statistics;

/// <summary>
/// What "no reader can subtract their way below 5" means, checked exactly on generated tables. A reader knows every
/// published figure, every relation between public cells (a total is the sum of its parts, a quarter of its months,
/// a year of its quarters), that cells are whole numbers, that <c>&lt;5</c> means 0 to 4 and that a withheld cell is 5
/// or more (every smaller figure is marked <c>&lt;5</c>). The publication is safe when, for that reader:
/// <list type="number">
/// <item>every <c>&lt;5</c> cell can still be 0 and can still be 4: the reader's bounds on it are the mark's own, so no
/// subtraction narrows a small figure, let alone pins it;</item>
/// <item>in every relation whose total is not itself <c>&lt;5</c>, the hidden parts, when they are all <c>&lt;5</c>,
/// can still add up to 5 or more: no subtraction yields a small group of people (say "4 heavier party sanctions") that
/// the table does not already show as <c>&lt;5</c>.</item>
/// </list>
/// Both as far as the marks alone allow: a reader shown only the marks, every figure withheld, may already know that a
/// <c>&lt;5</c> part of a total of 5 or more with two parts is not 0; no suppression can hide that, and it is no
/// subtraction of published figures. So each condition is required wherever that reader cannot rule it out.
/// Each "can" is decided by an exhaustive search for a table of whole numbers (<see cref="WholeNumberReader"/>), and it
/// must hold after every stage, since each month's publication is read on its own as well as with all the others.
/// </summary>
public sealed class SmallCellSuppressionTests
{
    [Fact]
    public void Generated_tables_let_no_reader_work_out_a_small_figure_at_any_stage()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var table = SmallTable.Draw(new Random(seed));
            CellMark[]? previous = null;
            for (var stage = 1; stage <= table.Shape.Stages.Count; stage++)
            {
                var marks = SmallCellSuppression.Apply(table.Shape, table.Values, stage);
                var context = $"seed {seed}, stage {stage}: {table.Description}";
                AssertPrimarySuppression(table, marks, context);
                AssertNothingSmallCanBeWorkedOut(table, marks, context);
                if (previous is not null)
                    AssertEarlierMarksStand(previous, marks, context);
                previous = marks;
            }
        }
    }

    [Fact]
    public void A_small_part_beside_a_published_total_takes_a_second_cell_with_it()
    {
        // One month, total 20 = 2 + 18: publishing 18 and 20 would give away the 2.
        var shape = new TableShape(3, [new Relation(0, [1, 2])], [[0, 1, 2]]);

        var marks = SmallCellSuppression.Apply(shape, [20, 2, 18], 1);

        Assert.Equal(CellMark.Small, marks[1]);
        Assert.Contains(CellMark.Withheld, new[] { marks[0], marks[2] });
    }

    [Fact]
    public void Small_parts_that_add_up_to_less_than_five_beside_a_published_total_are_not_left_alone()
    {
        // 12 = 8 + 2 + 2: the two small parts would give "4" by subtraction even though each could be anything under 5.
        var shape = new TableShape(4, [new Relation(0, [1, 2, 3])], [[0, 1, 2, 3]]);

        var marks = SmallCellSuppression.Apply(shape, [12, 8, 2, 2], 1);

        Assert.True(marks[0] == CellMark.Withheld || marks[1] == CellMark.Withheld);
    }

    [Fact]
    public void A_table_without_small_figures_is_published_whole()
    {
        var shape = new TableShape(3, [new Relation(0, [1, 2])], [[0, 1, 2]]);

        Assert.All(SmallCellSuppression.Apply(shape, [30, 12, 18], 1), mark => Assert.Equal(CellMark.Published, mark));
    }

    private static void AssertPrimarySuppression(SmallTable table, CellMark[] marks, string context)
    {
        var shown = table.Shape.Stages.Take(StageCount(table, marks)).SelectMany(cells => cells).ToHashSet();
        for (var cell = 0; cell < marks.Length; cell++)
        {
            if (!shown.Contains(cell))
                Assert.True(marks[cell] == CellMark.Unpublished, $"{context}: cell {cell} is not out yet");
            else if (table.Values[cell] < SmallCellSuppression.Threshold)
                Assert.True(marks[cell] == CellMark.Small, $"{context}: cell {cell} holds {table.Values[cell]} and must be <5");
            else
                Assert.True(marks[cell] != CellMark.Small, $"{context}: cell {cell} holds {table.Values[cell]} and is not small");
        }
    }

    private static void AssertNothingSmallCanBeWorkedOut(SmallTable table, CellMark[] marks, string context)
    {
        var reader = new WholeNumberReader(table, marks);
        var marksAlone = new WholeNumberReader(table, [.. marks.Select(mark => mark == CellMark.Published ? CellMark.Withheld : mark)]);
        for (var cell = 0; cell < marks.Length; cell++)
            if (marks[cell] == CellMark.Small)
            {
                foreach (var value in new[] { 0, 4 })
                    if (marksAlone.CanShow([cell], value, value))
                        Assert.True(reader.CanShow([cell], value, value), $"{context}: a reader can tell that cell {cell} (truly {table.Values[cell]}) is not {value}");
            }
        foreach (var relation in table.Shape.Relations.Where(relation => relation.Cells.All(cell => marks[cell] != CellMark.Unpublished)))
        {
            var hidden = relation.Parts.Where(part => marks[part] is CellMark.Small or CellMark.Withheld).ToList();
            if (marks[relation.Total] != CellMark.Small && hidden.Count > 0 && hidden.All(part => marks[part] == CellMark.Small)
                && marksAlone.CanShow(hidden, 5, int.MaxValue))
                Assert.True(reader.CanShow(hidden, 5, int.MaxValue),
                    $"{context}: cells {string.Join(",", hidden)} of total {relation.Total} add up to {hidden.Sum(part => table.Values[part])}, and a reader can tell it is under 5");
        }
    }

    private static void AssertEarlierMarksStand(CellMark[] previous, CellMark[] marks, string context)
    {
        for (var cell = 0; cell < marks.Length; cell++)
            if (previous[cell] != CellMark.Unpublished)
                Assert.True(previous[cell] == marks[cell], $"{context}: cell {cell} was {previous[cell]} and is now {marks[cell]}");
    }

    private static int StageCount(SmallTable table, CellMark[] marks) =>
        table.Shape.Stages.Count(stage => stage.Any(cell => marks[cell] != CellMark.Unpublished));
}
