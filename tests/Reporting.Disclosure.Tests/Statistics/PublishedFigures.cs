using System.Text.Json;

namespace Reporting.Disclosure.Tests.Statistics;

/// <summary>
/// Every cell a reader has collected from answers about one year, by row and column key, with the relations between
/// them as the answers state them (a row is part of the row it names; a quarter is the sum of its months, the year of
/// its quarters). A cell is a number, "&lt;5" or "—".
/// </summary>
internal sealed class PublishedFigures
{
    private readonly Dictionary<(string Row, string Column), JsonElement> _cells = [];
    private readonly Dictionary<string, string?> _partOf = [];

    public IReadOnlyDictionary<(string Row, string Column), JsonElement> Cells => _cells;

    /// <summary>Adds an answer; a cell already collected from another answer must read the same.</summary>
    public void Add(JsonElement answer)
    {
        foreach (var row in answer.GetProperty("rows").EnumerateArray())
        {
            var key = row.GetProperty("key").GetString()!;
            _partOf[key] = row.GetProperty("partOf").GetString();
            foreach (var cell in row.GetProperty("cells").EnumerateObject())
            {
                if (_cells.TryGetValue((key, cell.Name), out var earlier))
                    Assert.True(earlier.GetRawText() == cell.Value.GetRawText(), $"{key} {cell.Name} reads {earlier} in one answer and {cell.Value} in another");
                _cells[(key, cell.Name)] = cell.Value;
            }
        }
    }

    /// <summary>
    /// Every relation whose cells were all collected: its total, when a number, less its parts that are numbers,
    /// leaves what its hidden parts add up to; when those are all "&lt;5", that remainder must be 0 (no hidden part)
    /// or 5 and more, or a reader has worked out a small figure by subtraction.
    /// </summary>
    public void AssertNoSmallRemainder()
    {
        var relations = new List<((string, string) Total, List<(string, string)> Parts)>();
        var columns = _cells.Keys.Select(cell => cell.Column).Distinct().ToList();
        foreach (var column in columns)
            foreach (var total in _partOf.Keys.Where(row => _partOf.ContainsValue(row)))
                relations.Add(((total, column), [.. _partOf.Where(entry => entry.Value == total).Select(entry => (entry.Key, column))]));
        foreach (var row in _partOf.Keys)
            foreach (var column in columns)
            {
                List<string> parts = column.Contains("-Q", StringComparison.Ordinal)
                    ? [.. Enumerable.Range((column[^1] - '1') * 3 + 1, 3).Select(month => $"{column[..4]}-{month:D2}")]
                    : column.Length == 4 ? [.. Enumerable.Range(1, 4).Select(quarter => $"{column}-Q{quarter}")] : [];
                if (parts.Count > 0)
                    relations.Add(((row, column), [.. parts.Select(part => (row, part))]));
            }

        foreach (var (total, parts) in relations.Where(relation => relation.Parts.Append(relation.Total).All(_cells.ContainsKey)))
        {
            if (_cells[total].ValueKind != JsonValueKind.Number)
                continue;
            var hidden = parts.Where(part => _cells[part].ValueKind != JsonValueKind.Number).ToList();
            if (hidden.Count == 0 || hidden.Any(part => _cells[part].GetString() != "<5"))
                continue;
            var remainder = _cells[total].GetInt32() - parts.Except(hidden).Sum(part => _cells[part].GetInt32());
            Assert.True(remainder >= 5, $"{total} less its published parts leaves {remainder} for {string.Join(", ", hidden)}");
        }
    }
}
