using System.Text.Json;

namespace Reporting.Host.Tests.HostileInput;

/// <summary>The corpus files, one case per line; bodies are base64 segments, each repeated as many times as it says.</summary>
internal static class Corpus
{
    public sealed record Case(string Kind, string Id, string Category, string? ContentType, byte[] Body, string[] Lines, string[] Replace, string? Segment, string? Query);

    public static IReadOnlyList<Case> Load(string kind) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "HostileInput", "corpus", kind + ".jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => Parse(kind, JsonDocument.Parse(line).RootElement))
            .ToArray();

    private static Case Parse(string kind, JsonElement line) => new(
        kind,
        line.GetProperty("id").GetString()!,
        line.GetProperty("category").GetString()!,
        line.TryGetProperty("contentType", out var type) ? type.GetString() : null,
        line.TryGetProperty("body", out var body) ? Join(body) : [],
        Strings(line, "lines"),
        Strings(line, "replace"),
        line.TryGetProperty("segment", out var segment) ? segment.GetString() : null,
        line.TryGetProperty("query", out var query) ? query.GetString() : null);

    private static byte[] Join(JsonElement segments)
    {
        var joined = new MemoryStream();
        foreach (var segment in segments.EnumerateArray())
        {
            var bytes = Convert.FromBase64String(segment[0].GetString()!);
            for (var i = segment[1].GetInt32(); i > 0; i--)
                joined.Write(bytes);
        }
        return joined.ToArray();
    }

    private static string[] Strings(JsonElement line, string name) =>
        line.TryGetProperty(name, out var values) ? values.EnumerateArray().Select(value => value.GetString()!).ToArray() : [];
}
