namespace Reporting.Disclosure.Statistics.Suppressing;

/// <summary>
/// Marks a table for publication so that no reader can work out a small figure. Primary suppression: every cell under
/// <see cref="Threshold"/> is shown as <c>&lt;5</c>. Secondary suppression: more cells are withheld until, for what a
/// reader knows (<see cref="ReaderKnowledge"/>), every <c>&lt;5</c> cell could still be 0 and could still be 4, and in
/// every relation whose total is not itself <c>&lt;5</c> the hidden parts, when all <c>&lt;5</c>, could still add up to
/// 5 or more; each as far as the marks alone allow, since no suppression can hide what they give away. Stages come out in order and a stage's marks never change afterwards, so every answer ever given about
/// the table is a part of one pattern: a reader who combines them learns no more than from the last.
/// </summary>
internal static class SmallCellSuppression
{
    public const int Threshold = 5;
    private const int Repairs = 3;

    /// <summary>The marks of every cell once the first <paramref name="stagesOut"/> stages are public; later cells stay unpublished.</summary>
    public static CellMark[] Apply(TableShape shape, IReadOnlyList<int> values, int stagesOut)
    {
        var marks = new CellMark[shape.CellCount];
        for (var stage = 0; stage < stagesOut; stage++)
        {
            var fresh = shape.Stages[stage];
            foreach (var cell in fresh)
                marks[cell] = values[cell] < Threshold ? CellMark.Small : CellMark.Published;
            var reader = new ReaderKnowledge(values, marks, shape.Relations);
            // Only what the new cells are connected to can have changed; earlier parts of the table stay protected.
            var touched = reader.Reach(fresh, _ => true).ToHashSet();
            var free = fresh.ToHashSet();
            foreach (var cell in touched.Order().Where(cell => marks[cell] == CellMark.Small))
            {
                if (values[cell] > 0)
                    Protect(new Question([cell], 0, AtLeast: false), reader, marks, free);
                if (values[cell] < Threshold - 1)
                    Protect(new Question([cell], Threshold - 1, AtLeast: false), reader, marks, free);
            }
            foreach (var relation in reader.PublicRelations.Where(relation => touched.Contains(relation.Total) && marks[relation.Total] != CellMark.Small))
            {
                var hidden = relation.Parts.Where(reader.IsHidden).ToList();
                if (hidden.Count > 0 && hidden.All(part => marks[part] == CellMark.Small))
                    Protect(new Question(hidden, Threshold, AtLeast: true), reader, marks, free);
            }
        }
        return marks;
    }

    private static void Protect(Question question, ReaderKnowledge reader, CellMark[] marks, HashSet<int> free)
    {
        if (reader.AllowsTableWhere(question) || !reader.OfMarksAlone().AllowsTableWhere(question))
            return;
        bool Adjustable(int cell) => free.Contains(cell) && marks[cell] == CellMark.Published;
        for (var attempt = 0; attempt < Repairs && !reader.AllowsTableWhere(question); attempt++)
        {
            var adjustable = free.Where(Adjustable).ToHashSet();
            if (reader.CellsToWithhold(question, adjustable) is not { Count: > 0 } cells)
                break;
            foreach (var cell in cells)
                marks[cell] = CellMark.Withheld;
        }
        if (reader.AllowsTableWhere(question))
            return;
        // The programme's cheapest repair was not in whole numbers, or none exists: withhold all this stage may still give.
        foreach (var cell in reader.Reach(question.Cells, cell => reader.IsHidden(cell) || Adjustable(cell)).Where(Adjustable))
            marks[cell] = CellMark.Withheld;
    }
}
