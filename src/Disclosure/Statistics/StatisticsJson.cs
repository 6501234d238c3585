using System.Text.Encodings.Web;
using System.Text.Json;
using Reporting.Disclosure.Statistics.Suppressing;

namespace Reporting.Disclosure.Statistics;

/// <summary>
/// The public table as JSON: its columns, and its rows with their keys, labels in both languages, the row they are a
/// part of (whose total they add up to), and one cell per column: a number, <c>"&lt;5"</c> or <c>"—"</c>.
/// </summary>
internal static class StatisticsJson
{
    public const string Small = "<5";
    public const string Withheld = "—";

    public sealed record Column(string Key, string Kind, IReadOnlyDictionary<string, string> Label);

    /// <param name="Cells">By column key: a number, "&lt;5" or "—".</param>
    public sealed record Row(string Key, string? PartOf, IReadOnlyDictionary<string, string> Label, IReadOnlyDictionary<string, object> Cells);

    public sealed record Marker(string Value, IReadOnlyDictionary<string, string> Meaning);

    public sealed record Response(string Period, IReadOnlyList<Column> Columns, IReadOnlyList<Row> Rows, IReadOnlyList<Marker> Markers);

    // Readable as sent (Chinese and "<5" unescaped): the body is JSON, never embedded in a page.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(PublishedTable table) => JsonSerializer.SerializeToUtf8Bytes(From(table), Options);

    public static Response From(PublishedTable table) => new(
        table.Period.Key,
        [.. table.Columns.Select(column => new Column(column.Key, column.Kind, Labels(column.Chinese, column.English)))],
        [
            .. table.Rows.Select(row => new Row(row.Row.Key, row.Row.PartOf, Labels(row.Row.Chinese, row.Row.English),
                table.Columns.Zip(row.Cells).ToDictionary(pair => pair.First.Key, pair => Value(pair.Second), StringComparer.Ordinal))),
        ],
        [
            new Marker(Small, Labels(StatisticsText.Chinese.SmallMeaning, StatisticsText.English.SmallMeaning)),
            new Marker(Withheld, Labels(StatisticsText.Chinese.WithheldMeaning, StatisticsText.English.WithheldMeaning)),
        ]);

    private static object Value(PublishedCell cell) => cell.Mark switch
    {
        CellMark.Published => cell.Value!.Value,
        CellMark.Small => Small,
        _ => Withheld,
    };

    private static Dictionary<string, string> Labels(string chinese, string english) => new(StringComparer.Ordinal) { ["zh-CN"] = chinese, ["en"] = english };
}
