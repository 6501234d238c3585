using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reporting.Storage.Shredding;

/// <summary>
/// Writes a sealed <see cref="Shreddable{T}"/> as <c>{"stream": id, "sealed": base64}</c> and reads it back under the
/// stream's data key, or as shredded once that key is gone: a shredded stream never stops the daemon or a rebuild.
/// The store's serializer is given one with the key store; the type's own attribute names the one without, which
/// refuses to write, so that no serializer can store a shreddable value in the clear.
/// </summary>
internal sealed class ShreddableJsonConverterFactory(StreamKeyStore? keys) : JsonConverterFactory
{
    public ShreddableJsonConverterFactory()
        : this(null)
    {
    }

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Shreddable<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ShreddableJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]), keys)!;
}

internal sealed class ShreddableJsonConverter<T>(StreamKeyStore? keys) : JsonConverter<Shreddable<T>>
{
    private sealed record Stored(Guid Stream, string Sealed);

    public override Shreddable<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var stored = JsonSerializer.Deserialize<Stored>(ref reader, options)
            ?? throw new JsonException("A shreddable field is stored without its sealed value.");
        if (keys is null)
            throw new InvalidOperationException("Shreddable fields are read only through the store's serializer.");
        var sealedField = new SealedField(stored.Stream, Convert.FromBase64String(stored.Sealed));
        return keys.Find(stored.Stream) is { } dataKey
            ? new Shreddable<T>(sealedField.Open<T>(dataKey), sealedField)
            : Shreddable<T>.Shredded;
    }

    public override void Write(Utf8JsonWriter writer, Shreddable<T> value, JsonSerializerOptions options)
    {
        if (keys is null || value.Sealed is not { } sealedField)
            throw new InvalidOperationException(
                "Shreddable fields are stored only in events appended through a session; project what a document needs without them.");
        writer.WriteStartObject();
        writer.WriteString("stream", sealedField.StreamId);
        writer.WriteString("sealed", Convert.ToBase64String(sealedField.Ciphertext));
        writer.WriteEndObject();
    }
}
