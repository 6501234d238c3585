namespace Reporting.Disclosure.Statistics.Suppressing;

/// <summary>
/// A small linear program over bounded variables: minimise a linear cost subject to linear equalities and lower
/// bounds, solved by a dense two-phase simplex. The tables it serves have a few hundred cells at most; a solution is
/// only ever a proposal, which <see cref="ReaderKnowledge"/> checks again in whole numbers before it believes it.
/// </summary>
internal sealed class LinearProgram
{
    private const double Tolerance = 1e-9;
    private readonly List<(double Lower, double? Upper, double Cost)> _variables = [];
    private readonly List<(Dictionary<int, double> Terms, double Right, bool AtLeast)> _constraints = [];

    public int Variable(double lower, double? upper = null, double cost = 0)
    {
        _variables.Add((lower, upper, cost));
        return _variables.Count - 1;
    }

    /// <summary>Σ terms = right.</summary>
    public void Equal(IEnumerable<(int Variable, double Coefficient)> terms, double right) => Add(terms, right, atLeast: false);

    /// <summary>Σ terms ≥ right.</summary>
    public void AtLeast(IEnumerable<(int Variable, double Coefficient)> terms, double right) => Add(terms, right, atLeast: true);

    private void Add(IEnumerable<(int Variable, double Coefficient)> terms, double right, bool atLeast)
    {
        var merged = new Dictionary<int, double>();
        foreach (var (variable, coefficient) in terms)
            merged[variable] = merged.GetValueOrDefault(variable) + coefficient;
        _constraints.Add((merged, right, atLeast));
    }

    /// <summary>The values of a cheapest solution, or null when no solution exists.</summary>
    public double[]? Solve()
    {
        // Standard form: y = x − lower ≥ 0; an upper bound is a row y + s = upper − lower; "at least" rows get a surplus.
        var rows = new List<(Dictionary<int, double> Terms, double Right)>();
        var columns = _variables.Count;
        foreach (var (terms, right, atLeast) in _constraints)
        {
            var shifted = right - terms.Sum(term => term.Value * _variables[term.Key].Lower);
            var row = new Dictionary<int, double>(terms);
            if (atLeast)
                row[columns++] = -1;
            rows.Add((row, shifted));
        }
        for (var variable = 0; variable < _variables.Count; variable++)
            if (_variables[variable].Upper is { } upper)
            {
                if (upper < _variables[variable].Lower - Tolerance)
                    return null;
                rows.Add((new Dictionary<int, double> { [variable] = 1, [columns++] = 1 }, upper - _variables[variable].Lower));
            }

        var cost = new double[columns];
        for (var variable = 0; variable < _variables.Count; variable++)
            cost[variable] = _variables[variable].Cost;
        var y = new Tableau(rows, columns).Minimize(cost);
        if (y is null)
            return null;
        var x = new double[_variables.Count];
        for (var variable = 0; variable < x.Length; variable++)
            x[variable] = y[variable] + _variables[variable].Lower;
        return x;
    }

    private sealed class Tableau
    {
        private readonly int _rows;
        private readonly int _structural;
        private readonly int _width;
        private readonly double[][] _cells;
        private readonly int[] _basis;

        /// <summary>Every row gets an artificial variable, so that the artificials form the first basis.</summary>
        public Tableau(List<(Dictionary<int, double> Terms, double Right)> rows, int structural)
        {
            _rows = rows.Count;
            _structural = structural;
            _width = structural + _rows + 1;
            _cells = new double[_rows + 1][];
            _basis = new int[_rows];
            for (var row = 0; row < _rows; row++)
            {
                var cells = _cells[row] = new double[_width];
                var sign = rows[row].Right < 0 ? -1 : 1;
                foreach (var (column, coefficient) in rows[row].Terms)
                    cells[column] = sign * coefficient;
                cells[structural + row] = 1;
                cells[_width - 1] = sign * rows[row].Right;
                _basis[row] = structural + row;
            }
            _cells[_rows] = new double[_width];
        }

        public double[]? Minimize(double[] cost)
        {
            // Phase one minimises the artificials' sum; the objective row holds the reduced costs, negated right side last.
            var objective = _cells[_rows];
            for (var row = 0; row < _rows; row++)
                for (var column = 0; column < _width; column++)
                    if (column < _structural || column == _width - 1)
                        objective[column] -= _cells[row][column];
            Run(_structural);
            if (-objective[_width - 1] > 1e-7)
                return null;
            DriveOutArtificials();

            Array.Clear(objective);
            for (var column = 0; column < _structural; column++)
                objective[column] = cost[column];
            for (var row = 0; row < _rows; row++)
                if (_basis[row] < _structural && cost[_basis[row]] != 0)
                {
                    var factor = cost[_basis[row]];
                    for (var column = 0; column < _width; column++)
                        objective[column] -= factor * _cells[row][column];
                }
            if (!Run(_structural))
                return null;

            var solution = new double[_structural];
            for (var row = 0; row < _rows; row++)
                if (_basis[row] < _structural)
                    solution[_basis[row]] = _cells[row][_width - 1];
            return solution;
        }

        /// <summary>Pivots while a column below <paramref name="enterable"/> lowers the cost; false when the cost is unbounded below.</summary>
        private bool Run(int enterable)
        {
            var objective = _cells[_rows];
            var stalled = 0;
            while (true)
            {
                // Dantzig's rule, and Bland's smallest index once pivots stop making progress, which cannot cycle.
                var entering = -1;
                for (var column = 0; column < enterable; column++)
                    if (objective[column] < -Tolerance && (entering < 0 || (stalled < 50 && objective[column] < objective[entering])))
                    {
                        entering = column;
                        if (stalled >= 50)
                            break;
                    }
                if (entering < 0)
                    return true;

                var leaving = -1;
                var best = double.PositiveInfinity;
                for (var row = 0; row < _rows; row++)
                {
                    var coefficient = _cells[row][entering];
                    if (coefficient <= Tolerance)
                        continue;
                    var ratio = _cells[row][_width - 1] / coefficient;
                    if (ratio < best - Tolerance || (ratio < best + Tolerance && leaving >= 0 && _basis[row] < _basis[leaving]))
                    {
                        best = ratio;
                        leaving = row;
                    }
                }
                if (leaving < 0)
                    return false;
                stalled = best < Tolerance ? stalled + 1 : 0;
                Pivot(leaving, entering);
            }
        }

        private void DriveOutArtificials()
        {
            for (var row = 0; row < _rows; row++)
            {
                if (_basis[row] < _structural)
                    continue;
                // A row whose structural entries are all zero is a consequence of the others; its artificial stays at zero.
                for (var column = 0; column < _structural; column++)
                    if (Math.Abs(_cells[row][column]) > 1e-7)
                    {
                        Pivot(row, column);
                        break;
                    }
            }
        }

        private void Pivot(int pivotRow, int pivotColumn)
        {
            var pivot = _cells[pivotRow];
            var scale = pivot[pivotColumn];
            for (var column = 0; column < _width; column++)
                pivot[column] /= scale;
            for (var row = 0; row <= _rows; row++)
            {
                if (row == pivotRow)
                    continue;
                var cells = _cells[row];
                var factor = cells[pivotColumn];
                if (factor == 0)
                    continue;
                for (var column = 0; column < _width; column++)
                    if (pivot[column] != 0)
                        cells[column] -= factor * pivot[column];
                cells[pivotColumn] = 0;
            }
            _basis[pivotRow] = pivotColumn;
        }
    }
}
