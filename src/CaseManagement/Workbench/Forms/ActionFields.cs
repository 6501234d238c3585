using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Closing;
using Reporting.CaseManagement.Cases.SendingMessage;

namespace Reporting.CaseManagement.Workbench.Forms;

public enum FieldKind { Text, LongText, Number, Check, Choice, ManyChoices, Staff, Group }

/// <param name="Name">The body's member name, as the contract spells it; also the form field's name.</param>
/// <param name="Parts">For a <see cref="FieldKind.Group"/>: the fields of each item (an accused person, a sanction).</param>
public sealed record ActionField(string Name, FieldKind Kind, bool Required, IReadOnlyList<ActionField> Parts);

/// <summary>
/// An action's form, read from its command as the API binds it: every member of the body becomes a field, named as
/// the contract names it, so that the form posts exactly the body the API would be sent and the same deciders judge it.
/// </summary>
internal static class ActionFields
{
    private static readonly HashSet<string> LongTexts = new(StringComparer.Ordinal) { "summary", "reason", "comment", "findings", "statement", "body", "outcomeForInformant", "note", "details" };

    private static readonly HashSet<string> StaffLists = new(StringComparer.Ordinal) { "usernames", "collectiveReview" };

    public static IReadOnlyList<ActionField> For(CaseAction action) => action.CommandType switch
    {
        // The API takes their text and seals it; the command's other members are made from it.
        var type when type == typeof(SendMessage) => [new ActionField("body", FieldKind.LongText, true, [])],
        var type when type == typeof(CloseCase) => [new ActionField("outcomeForInformant", FieldKind.LongText, true, [])],
        var type => Of(type),
    };

    private static IReadOnlyList<ActionField> Of(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(candidate => candidate.GetParameters().Length).First();
        return [.. constructor.GetParameters()
            .Where(parameter => type.GetProperty(parameter.Name!)?.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(parameter => FieldOf(JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!), parameter))];
    }

    private static ActionField FieldOf(string name, ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var nullable = new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable || Nullable.GetUnderlyingType(parameter.ParameterType) is not null;
        var required = !parameter.HasDefaultValue && !nullable;
        if (type == typeof(bool))
            return new ActionField(name, FieldKind.Check, false, []);
        if (type == typeof(int) || type == typeof(long))
            return new ActionField(name, FieldKind.Number, required, []);
        if (type == typeof(string))
            return new ActionField(name, Labels.Choices.ContainsKey(name) ? FieldKind.Choice : LongTexts.Contains(name) ? FieldKind.LongText : FieldKind.Text, required, []);
        if (type.IsGenericType && type.GetGenericArguments()[0] is var item && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            if (item == typeof(string))
                return new ActionField(name, StaffLists.Contains(name) ? FieldKind.Staff : FieldKind.ManyChoices, required, []);
            return new ActionField(name, FieldKind.Group, required, Of(item));
        }
        return new ActionField(name, FieldKind.Text, required, []);
    }

    /// <summary>How many items a group's form shows: those given (at least one), and one more when "add another" was pressed.</summary>
    public static int ItemsShown(IReadOnlyDictionary<string, string[]> values, ActionField group, bool adding)
    {
        var given = 0;
        while (given < 20 && group.Parts.Any(part => values.ContainsKey($"{group.Name}[{given}].{part.Name}")))
            given++;
        return Math.Max(1, given) + (adding ? 1 : 0);
    }

    /// <summary>
    /// The posted form as the action's JSON body: empty texts left out (the deciders say what is missing), lists from
    /// every value of the field, groups from <c>name[i].part</c> with blank items dropped.
    /// </summary>
    public static JsonObject Body(IReadOnlyList<ActionField> fields, IReadOnlyDictionary<string, string[]> form)
    {
        var body = new JsonObject();
        foreach (var field in fields)
        {
            if (Value(field, field.Name, form) is { } value)
                body[field.Name] = value;
        }
        return body;
    }

    private static JsonNode? Value(ActionField field, string key, IReadOnlyDictionary<string, string[]> form)
    {
        var values = form.TryGetValue(key, out var given) ? given.Where(value => !string.IsNullOrWhiteSpace(value)).ToArray() : [];
        switch (field.Kind)
        {
            case FieldKind.Check:
                return values.Contains("true");
            case FieldKind.Number:
                return values.Length == 1 && int.TryParse(values[0], out var number) ? number : values.Length == 1 ? values[0] : null;
            case FieldKind.ManyChoices or FieldKind.Staff:
                return new JsonArray([.. values.Select(value => (JsonNode)value.Trim())]);
            case FieldKind.Group:
                var items = new JsonArray();
                for (var index = 0; index < 20; index++)
                {
                    var item = new JsonObject();
                    foreach (var part in field.Parts)
                    {
                        var partValue = Value(part, $"{key}[{index}].{part.Name}", form);
                        if (partValue is not null and not JsonArray { Count: 0 } && !(partValue is JsonValue flag && flag.GetValueKind() == JsonValueKind.False))
                            item[part.Name] = partValue;
                    }
                    if (item.Count > 0)
                        items.Add(item);
                }
                return items;
            default:
                return values.Length > 0 ? values[0] : null;
        }
    }
}
