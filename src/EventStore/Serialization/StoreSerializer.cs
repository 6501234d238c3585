using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reporting.EventStore.Serialization;

/// <summary>System.Text.Json with web defaults (camelCase) and enums as names, for events and documents alike.</summary>
public sealed class StoreSerializer
{
    public JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    public object Deserialize(string json, Type type) =>
        JsonSerializer.Deserialize(json, type, Options) ?? throw new JsonException($"The stored JSON of a {type.Name} is null.");

    /// <summary>The JSON property name a member is written under, which is what SQL over <c>data</c> must use.</summary>
    public string JsonName(MemberInfo member) =>
        member.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? Options.PropertyNamingPolicy?.ConvertName(member.Name)
        ?? member.Name;

    /// <summary>A value as PostgreSQL's <c>data ->> 'field'</c> renders it: strings unquoted, anything else as JSON.</summary>
    public string JsonText(object value)
    {
        var element = JsonSerializer.SerializeToElement(value, value.GetType(), Options);
        return element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
    }
}
