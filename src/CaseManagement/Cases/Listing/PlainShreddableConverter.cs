using System.Text.Json;
using System.Text.Json.Serialization;
using Reporting.Storage.Shredding;

namespace Reporting.CaseManagement.Cases.Listing;

/// <summary>
/// Writes a <see cref="Shreddable{T}"/> as its plain value, for a case state that is sealed as a whole under the
/// key-encryption key. The event store's own converter works only inside an event, under the stream's data key; a
/// converter in the options takes precedence over the one the type names. Made <paramref name="forgetting"/>, it writes
/// every value as shredded, to take a case's personal data out of a state folded before the case was shredded.
/// </summary>
internal sealed class PlainShreddableConverter(bool forgetting = false) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Shreddable<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Plain<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]), [forgetting])!;

    private sealed class Plain<T>(bool forgetting) : JsonConverter<Shreddable<T>>
    {
        // A shredded value stays shredded: null in, shredded out.
        public override Shreddable<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? Shreddable<T>.Shredded : new Shreddable<T>(JsonSerializer.Deserialize<T>(ref reader, options)!);

        public override void Write(Utf8JsonWriter writer, Shreddable<T> value, JsonSerializerOptions options)
        {
            if (value.IsShredded || forgetting)
                writer.WriteNullValue();
            else
                JsonSerializer.Serialize(writer, value.Value, options);
        }

        public override bool HandleNull => true;
    }
}
