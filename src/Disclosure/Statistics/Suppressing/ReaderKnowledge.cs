namespace Reporting.Disclosure.Statistics.Suppressing;

/// <summary>
/// Everything a reader of a published table knows: each published figure, that a <c>&lt;5</c> cell holds 0 to 4 and a
/// withheld cell 5 or more (every smaller figure is marked <c>&lt;5</c>), that cells are whole numbers, and the
/// relations between cells that are all public. It answers whether some table of whole numbers consistent with all of
/// that meets a <see cref="Question"/>: if one does, the reader cannot rule that table out.
/// </summary>
internal sealed class ReaderKnowledge
{
    private const int Small = SmallCellSuppression.Threshold - 1;
    private readonly IReadOnlyList<int> _values;
    private readonly IReadOnlyList<CellMark> _marks;
    private readonly Relation[] _relations;
    private readonly List<Relation>[] _relationsOfCell;

    /// <summary>
    /// Tables already found. Withholding more only widens what a reader must allow, so a table found stays one the
    /// reader cannot rule out, and one found for a question often answers many others.
    /// </summary>
    private readonly List<int[]> _witnesses = [];

    public ReaderKnowledge(IReadOnlyList<int> values, IReadOnlyList<CellMark> marks, IReadOnlyList<Relation> relations)
    {
        _values = values;
        _marks = marks;
        _relations = [.. relations.Where(relation => relation.Cells.All(cell => marks[cell] != CellMark.Unpublished))];
        _relationsOfCell = new List<Relation>[values.Count];
        for (var cell = 0; cell < values.Count; cell++)
            _relationsOfCell[cell] = [];
        foreach (var relation in _relations)
            foreach (var cell in relation.Cells)
                _relationsOfCell[cell].Add(relation);
    }

    public IReadOnlyList<Relation> PublicRelations => _relations;

    /// <summary>
    /// A reader of the same table with every figure withheld: what the marks alone give away. What even they settle
    /// no suppression can hide (a total of 5 or more with two <c>&lt;5</c> parts tells that neither part is 0).
    /// </summary>
    public ReaderKnowledge OfMarksAlone() =>
        new(_values, [.. _marks.Select(mark => mark == CellMark.Published ? CellMark.Withheld : mark)], _relations);

    public bool IsHidden(int cell) => _marks[cell] is CellMark.Small or CellMark.Withheld;

    /// <summary>Whether a table of whole numbers that the reader cannot rule out meets the question.</summary>
    public bool AllowsTableWhere(Question question)
    {
        if (_witnesses.Any(witness => Meets(witness, question)))
            return true;
        if (Solve(question, adjustable: new HashSet<int>()) is not { } solution || WholeWitness(solution, question) is not { } found)
            return false;
        _witnesses.Add(found);
        return true;
    }

    private static bool Meets(int[] table, Question question)
    {
        var sum = question.Cells.Sum(cell => table[cell]);
        return question.AtLeast ? sum >= question.Value : sum == question.Value;
    }

    /// <summary>
    /// The published cells among <paramref name="adjustable"/> that would have to be withheld for the question to be
    /// met, as few and as little moved as the linear programme finds; null when withholding them all would not do.
    /// </summary>
    public IReadOnlyList<int>? CellsToWithhold(Question question, IReadOnlySet<int> adjustable)
    {
        if (Solve(question, adjustable) is not { } solution)
            return null;
        return [.. solution.Cells.Where(cell => adjustable.Contains(cell) && Math.Abs(solution.Values[cell] - _values[cell]) > 1e-6)];
    }

    /// <summary>The cells connected to <paramref name="start"/> through public relations, passing only through cells that may vary.</summary>
    public IReadOnlyList<int> Reach(IEnumerable<int> start, Func<int, bool> mayVary)
    {
        var seen = new HashSet<int>();
        var queue = new Queue<int>();
        foreach (var cell in start.Where(mayVary))
            if (seen.Add(cell))
                queue.Enqueue(cell);
        while (queue.TryDequeue(out var cell))
            foreach (var relation in _relationsOfCell[cell])
                foreach (var other in relation.Cells)
                    if (mayVary(other) && seen.Add(other))
                        queue.Enqueue(other);
        return [.. seen.Order()];
    }

    private sealed record Solution(IReadOnlyList<int> Cells, double[] Values, IReadOnlyList<Relation> Relations);

    /// <summary>
    /// A real-valued table over the cells connected to the question's cells that may vary (hidden ones, and the
    /// adjustable published ones at a cost per unit moved), with every other cell at its published figure.
    /// </summary>
    private Solution? Solve(Question question, IReadOnlySet<int> adjustable)
    {
        var cells = Reach(question.Cells, cell => IsHidden(cell) || adjustable.Contains(cell));
        var program = new LinearProgram();
        var terms = new Dictionary<int, List<(int Variable, double Coefficient)>>();
        foreach (var cell in cells)
            terms[cell] = _marks[cell] switch
            {
                CellMark.Small => [(program.Variable(0, Small), 1)],
                CellMark.Withheld => [(program.Variable(SmallCellSuppression.Threshold), 1)],
                // A published cell moved is one to withhold: it may go up freely, and down to the threshold.
                _ => [(program.Variable(0, cost: 1), 1), (program.Variable(0, _values[cell] - SmallCellSuppression.Threshold, cost: 1), -1)],
            };

        var relations = cells.SelectMany(cell => _relationsOfCell[cell]).Distinct().ToList();
        foreach (var relation in relations)
        {
            var row = new List<(int, double)>();
            var constant = 0.0;
            foreach (var (cell, sign) in relation.Parts.Select(part => (part, 1.0)).Append((relation.Total, -1.0)))
            {
                if (terms.TryGetValue(cell, out var variables))
                    row.AddRange(variables.Select(term => (term.Variable, term.Coefficient * sign)));
                else
                    constant += sign * _values[cell];
            }
            program.Equal(row, -constant);
        }

        var target = question.Cells.SelectMany(cell => terms.TryGetValue(cell, out var variables) ? variables : []).ToList();
        var fixedPart = question.Cells.Where(cell => !terms.ContainsKey(cell)).Sum(cell => _values[cell]);
        if (question.AtLeast)
            program.AtLeast(target, question.Value - fixedPart);
        else
            program.Equal(target, question.Value - fixedPart);

        if (program.Solve() is not { } solution)
            return null;
        var values = _values.Select(value => (double)value).ToArray();
        foreach (var (cell, variables) in terms)
            values[cell] = _marks[cell] is CellMark.Small or CellMark.Withheld
                ? solution[variables[0].Variable]
                : _values[cell] + variables.Sum(term => term.Coefficient * solution[term.Variable]);
        return new Solution(cells, values, relations);
    }

    /// <summary>The solution rounded to whole numbers if that is checked exactly to be within every mark's range and to meet every relation and the question.</summary>
    private int[]? WholeWitness(Solution solution, Question question)
    {
        var whole = _values.ToArray();
        foreach (var cell in solution.Cells)
        {
            var rounded = Math.Round(solution.Values[cell]);
            if (Math.Abs(rounded - solution.Values[cell]) > 1e-6)
                return null;
            whole[cell] = (int)rounded;
            var fits = _marks[cell] == CellMark.Small ? whole[cell] is >= 0 and <= Small : whole[cell] >= SmallCellSuppression.Threshold;
            if (!fits || (_marks[cell] == CellMark.Published && whole[cell] != _values[cell]))
                return null;
        }
        if (solution.Relations.Any(relation => relation.Parts.Sum(part => whole[part]) != whole[relation.Total]))
            return null;
        return Meets(whole, question) ? whole : null;
    }
}
