using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NSec.Cryptography;

namespace Reporting.Storage.Shredding;

/// <summary>
/// A shreddable value as stored: <c>nonce ‖ XChaCha20-Poly1305 ciphertext</c> of its JSON under the stream's data key,
/// with the stream id as associated data, so that a sealed field cannot be moved to another stream's key.
/// </summary>
internal sealed record SealedField(Guid StreamId, byte[] Ciphertext)
{
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;

    /// <summary>The JSON inside the envelope: fixed here, so that it does not follow the store's serializer settings.</summary>
    private static readonly JsonSerializerOptions Plaintext = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static SealedField Seal<T>(Guid streamId, Key dataKey, T value)
    {
        var nonce = RandomNumberGenerator.GetBytes(Aead.NonceSize);
        var ciphertext = Aead.Encrypt(dataKey, nonce, AssociatedData(streamId), JsonSerializer.SerializeToUtf8Bytes(value, Plaintext));
        return new SealedField(streamId, [.. nonce, .. ciphertext]);
    }

    public T Open<T>(Key dataKey)
    {
        var plaintext = Aead.Decrypt(dataKey, Ciphertext.AsSpan(0, Aead.NonceSize), AssociatedData(StreamId), Ciphertext.AsSpan(Aead.NonceSize))
            ?? throw new CryptographicException($"A sealed field of stream {StreamId} does not decrypt under its key: it was altered.");
        return JsonSerializer.Deserialize<T>(plaintext, Plaintext)!;
    }

    private static byte[] AssociatedData(Guid streamId) => Encoding.UTF8.GetBytes($"reporting.eventstore.field:{streamId:D}");
}
