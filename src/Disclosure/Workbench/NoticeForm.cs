using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Reporting.Disclosure.Workbench;

/// <summary>
/// A notice's content as the workbench's form holds it (<c>subject.name</c>, <c>violations[0].finding</c>, the field
/// names the API's errors use), and the posted form as the API's JSON body, so that both go through the same deciders.
/// </summary>
public static class NoticeForm
{
    /// <summary>Rows of violations and of sanctions offered beyond those filled in; a row left blank is dropped.</summary>
    public const int SpareRows = 1;

    private const int MostRows = 20;

    /// <summary>Every text of a JSON object (the prefill, a draft's content), flattened to the form's field names.</summary>
    public static Dictionary<string, string> ValuesOf(JsonElement content)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(content, "", values);
        // The form offers a sanction as one choice, kind and type together.
        for (var row = 0; values.ContainsKey($"sanctions[{row}].kind"); row++)
            values[$"sanctions[{row}].sanction"] = values[$"sanctions[{row}].kind"] + ":" + values.GetValueOrDefault($"sanctions[{row}].type", "");
        return values;
    }

    public static Dictionary<string, string> ValuesOf(IFormCollection form) =>
        form.Where(pair => pair.Key != "__form").ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);

    /// <summary>How many rows of a list the form shows: those with anything in them, and the spare.</summary>
    public static int Rows(IReadOnlyDictionary<string, string> values, string list)
    {
        var filled = 0;
        for (var row = 0; row < MostRows; row++)
            if (values.Any(pair => pair.Key.StartsWith($"{list}[{row}].", StringComparison.Ordinal) && pair.Value.Length > 0))
                filled = row + 1;
        return Math.Min(MostRows, filled + SpareRows);
    }

    /// <summary>The form as the API's body: blank texts left out (the validator says what is missing), blank rows dropped.</summary>
    public static JsonElement BodyOf(IReadOnlyDictionary<string, string> form)
    {
        string? Text(string name) => form.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
        var body = new JsonObject
        {
            ["headline"] = Text("headline") ?? "",
            ["body"] = Text("body") ?? "",
            ["subject"] = new JsonObject { ["name"] = Text("subject.name") ?? "", ["formerPosition"] = Text("subject.formerPosition"), ["organization"] = Text("subject.organization") },
        };
        foreach (var name in new[] { "caseId", "kind", "characterization", "legalBasis", "authority", "decidedOn", "publishingOrgan", "reason", "comment" })
            if (Text(name) is { } value)
                body[name] = value;
        var violations = new JsonArray();
        var sanctions = new JsonArray();
        for (var row = 0; row < MostRows; row++)
        {
            if (Text($"violations[{row}].category") is not null || Text($"violations[{row}].finding") is not null)
                violations.Add(new JsonObject { ["category"] = Text($"violations[{row}].category") ?? "", ["finding"] = Text($"violations[{row}].finding") ?? "" });
            if (Text($"sanctions[{row}].sanction") is { } sanction)
            {
                var (kind, type) = sanction.IndexOf(':') is var colon and > 0 ? (sanction[..colon], sanction[(colon + 1)..]) : (sanction, "");
                sanctions.Add(new JsonObject
                {
                    ["kind"] = kind, ["type"] = type,
                    ["periodMonths"] = int.TryParse(Text($"sanctions[{row}].periodMonths"), NumberStyles.None, CultureInfo.InvariantCulture, out var months) ? months : null,
                });
            }
        }
        body["violations"] = violations;
        body["sanctions"] = sanctions;
        return JsonSerializer.SerializeToElement(body);
    }

    private static void Flatten(JsonElement element, string path, Dictionary<string, string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Flatten(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", values);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    Flatten(item, $"{path}[{index++}]", values);
                break;
            case JsonValueKind.String:
                values[path] = element.GetString()!;
                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                values[path] = element.GetRawText();
                break;
        }
    }
}
