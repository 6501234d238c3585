using System.Diagnostics;
using Reporting.Disclosure.Statistics.Suppressing;

namespace Reporting.Disclosure.Tests.Statistics;

public sealed class ScratchTiming
{
    [Fact]
    public void Timing()
    {
        using var log = new StreamWriter("/tmp/timing.txt") { AutoFlush = true };
        for (var seed = 0; seed < 30; seed++)
        {
            var table = SmallTable.Draw(new Random(seed));
            var watch = Stopwatch.StartNew();
            var marks = SmallCellSuppression.Apply(table.Shape, table.Values, table.Shape.Stages.Count);
            var apply = watch.ElapsedMilliseconds;
            log.WriteLine($"seed {seed} apply {apply} ms {table.Description}");
            watch.Restart();
            var reader = new WholeNumberReader(table, marks);
            for (var cell = 0; cell < marks.Length; cell++)
                if (marks[cell] == CellMark.Small)
                    reader.CanShow([cell], 4, 4);
            log.WriteLine($"   audit {watch.ElapsedMilliseconds} ms");
        }
    }
}
