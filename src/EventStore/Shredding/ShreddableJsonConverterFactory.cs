using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Shredding;

internal sealed class ShreddableJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Shreddable<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ShreddableJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>
/// Writes <c>{"sealed": base64(nonce ‖ XChaCha20-Poly1305 ciphertext)}</c> under the stream's data key, with the
/// stream id as associated data so that a sealed field cannot be moved to another stream.
/// </summary>
internal sealed class ShreddableJsonConverter<T> : JsonConverter<Shreddable<T>>
{
    private const string SealedProperty = "sealed";
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;

    public override Shreddable<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var sealedField = JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options)?.GetValueOrDefault(SealedProperty)
            ?? throw new JsonException("A shreddable field is stored without its sealed value.");
        var scope = ShreddingScope.Current ?? throw new InvalidOperationException("Shreddable fields are read only as part of an event.");
        if (scope.DataKey is null)
            return Shreddable<T>.Shredded;
        var bytes = Convert.FromBase64String(sealedField);
        var plaintext = Aead.Decrypt(scope.DataKey, bytes.AsSpan(0, Aead.NonceSize), AssociatedData(scope.StreamId), bytes.AsSpan(Aead.NonceSize))
            ?? throw new CryptographicException($"A sealed field of stream {scope.StreamId} does not decrypt under its key: it was altered.");
        return new Shreddable<T>(JsonSerializer.Deserialize<T>(plaintext, options)!);
    }

    public override void Write(Utf8JsonWriter writer, Shreddable<T> value, JsonSerializerOptions options)
    {
        var scope = ShreddingScope.Current
            ?? throw new InvalidOperationException("Shreddable fields can be stored only in events; project what a document needs without them.");
        if (value.IsShredded || scope.DataKey is null)
            throw new InvalidOperationException($"Stream {scope.StreamId} was shredded; no personal data can be added to it.");
        var nonce = RandomNumberGenerator.GetBytes(Aead.NonceSize);
        var ciphertext = Aead.Encrypt(scope.DataKey, nonce, AssociatedData(scope.StreamId), JsonSerializer.SerializeToUtf8Bytes(value.Value, options));
        writer.WriteStartObject();
        writer.WriteString(SealedProperty, Convert.ToBase64String([.. nonce, .. ciphertext]));
        writer.WriteEndObject();
    }

    private static byte[] AssociatedData(Guid streamId) => Encoding.UTF8.GetBytes($"reporting.eventstore.field:{streamId:D}");
}
