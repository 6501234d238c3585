using Reporting.Disclosure.Statistics.Suppressing;

namespace Reporting.Disclosure.Tests.Statistics;

/// <summary>
/// An exact reader of a small published table, independent of the production code: it searches every assignment of
/// whole numbers to the table's month-and-leaf-row cells (every other cell is their sum) for one that shows exactly
/// what was published (each figure, 0 to 4 under <c>&lt;5</c>, 5 or more under the withheld mark) and meets a
/// condition. Large figures are tried up to a cap: a table found is a real one, so the search errs only towards
/// calling a table unsafe.
/// </summary>
internal sealed class WholeNumberReader(SmallTable table, CellMark[] marks)
{
    private const int Cap = 60;

    /// <summary>Whether some table consistent with the publication has cells <paramref name="cells"/> adding up to within [low, high].</summary>
    public bool CanShow(IReadOnlyList<int> cells, int low, int high)
    {
        var constraints = new List<(int[] Leaves, int Low, int High)>();
        for (var cell = 0; cell < marks.Length; cell++)
        {
            var leaves = table.LeafCellsOf[cell];
            switch (marks[cell])
            {
                case CellMark.Published: constraints.Add((leaves, table.Values[cell], table.Values[cell])); break;
                case CellMark.Small: constraints.Add((leaves, 0, 4)); break;
                case CellMark.Withheld: constraints.Add((leaves, 5, int.MaxValue)); break;
            }
        }
        constraints.Add(([.. cells.SelectMany(cell => table.LeafCellsOf[cell])], low, high));
        return Search(table.Leaves, constraints);
    }

    /// <summary>
    /// A search for whole numbers within the constraints: bounds are narrowed from every sum until nothing changes,
    /// then the widest-open leaf is split in two and each half searched in turn.
    /// </summary>
    private static bool Search(int[] leaves, List<(int[] Leaves, int Low, int High)> constraints)
    {
        var position = leaves.Select((leaf, index) => (leaf, index)).ToDictionary(pair => pair.leaf, pair => pair.index);
        var members = constraints.Select(constraint => constraint.Leaves.Select(leaf => position[leaf]).ToArray()).ToArray();
        var low = new long[leaves.Length];
        var high = Enumerable.Repeat((long)Cap, leaves.Length).ToArray();
        return Explore(low, high, members, constraints);
    }

    private static bool Explore(long[] low, long[] high, int[][] members, List<(int[] Leaves, int Low, int High)> constraints)
    {
        if (!Narrow(low, high, members, constraints))
            return false;
        var open = -1;
        for (var leaf = 0; leaf < low.Length; leaf++)
            if (low[leaf] < high[leaf] && (open < 0 || high[leaf] - low[leaf] < high[open] - low[open]))
                open = leaf;
        if (open < 0)
            return true;
        var middle = (low[open] + high[open]) / 2;
        var (lowerLow, lowerHigh) = ((long[])low.Clone(), (long[])high.Clone());
        lowerHigh[open] = middle;
        if (Explore(lowerLow, lowerHigh, members, constraints))
            return true;
        low[open] = middle + 1;
        return Explore(low, high, members, constraints);
    }

    /// <summary>Bounds consistency over every sum (a leaf listed twice counts twice); false when some bound becomes empty.</summary>
    private static bool Narrow(long[] low, long[] high, int[][] members, List<(int[] Leaves, int Low, int High)> constraints)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            for (var c = 0; c < members.Length; c++)
            {
                long sumLow = 0, sumHigh = 0;
                foreach (var leaf in members[c])
                {
                    sumLow += low[leaf];
                    sumHigh += high[leaf];
                }
                var (_, cLow, cHigh) = constraints[c];
                if (sumLow > cHigh || sumHigh < cLow)
                    return false;
                foreach (var leaf in members[c].Distinct())
                {
                    var times = members[c].Count(member => member == leaf);
                    var othersLow = sumLow - times * low[leaf];
                    var othersHigh = sumHigh - times * high[leaf];
                    var newHigh = cHigh == int.MaxValue ? high[leaf] : Math.Min(high[leaf], (cHigh - othersLow) / times);
                    var newLow = Math.Max(low[leaf], CeilingDivide(cLow - othersHigh, times));
                    if (newLow > newHigh)
                        return false;
                    if (newLow != low[leaf] || newHigh != high[leaf])
                    {
                        sumLow += times * (newLow - low[leaf]);
                        sumHigh += times * (newHigh - high[leaf]);
                        (low[leaf], high[leaf]) = (newLow, newHigh);
                        changed = true;
                    }
                }
            }
        }
        return true;
    }

    private static long CeilingDivide(long numerator, long denominator) => numerator <= 0 ? 0 : (numerator + denominator - 1) / denominator;
}
