using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Reporting.EventStore.Exceptions;
using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Shredding;

/// <summary>Per-stream data keys in <c>mt_stream_keys</c>, wrapped under the key-encryption key.</summary>
internal static class StreamKeys
{
    private const int DataKeySize = 32;
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;

    /// <summary>The data keys of the streams, created where missing, in the caller's transaction.</summary>
    public static async Task<Dictionary<Guid, Key>> GetOrCreateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Guid> streamIds, Key keyEncryptionKey, CancellationToken cancellationToken)
    {
        var fresh = streamIds.Select(id => Wrap(keyEncryptionKey, id, RandomNumberGenerator.GetBytes(DataKeySize))).ToArray();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("INSERT INTO mt_stream_keys (stream, data_key) SELECT * FROM unnest($1::uuid[], $2::bytea[]) ON CONFLICT (stream) DO NOTHING")
                {
                    Parameters = { new NpgsqlParameter { Value = streamIds.ToArray() }, new NpgsqlParameter { Value = fresh } },
                },
                new NpgsqlBatchCommand("SELECT stream, data_key FROM mt_stream_keys WHERE stream = ANY($1)")
                {
                    Parameters = { new NpgsqlParameter { Value = streamIds.ToArray() } },
                },
            },
        };
        var keys = new Dictionary<Guid, Key>();
        // The reader skips the INSERT, which returns no rows, and starts at the SELECT.
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            if (reader.IsDBNull(1))
                throw new InvalidStreamOperationException($"Stream {id} was shredded; no personal data can be added to it.");
            keys[id] = Unwrap(keyEncryptionKey, id, reader.GetFieldValue<byte[]>(1));
        }
        return keys;
    }

    public static NpgsqlBatchCommand Shred(Guid streamId) => new(
        "INSERT INTO mt_stream_keys (stream, data_key, shredded_at) VALUES ($1, NULL, now()) ON CONFLICT (stream) DO UPDATE SET data_key = NULL, shredded_at = now()")
    {
        Parameters = { new NpgsqlParameter { Value = streamId } },
    };

    public static Key Unwrap(Key keyEncryptionKey, Guid streamId, byte[] wrapped)
    {
        var raw = Aead.Decrypt(keyEncryptionKey, wrapped.AsSpan(0, Aead.NonceSize), AssociatedData(streamId), wrapped.AsSpan(Aead.NonceSize))
            ?? throw new CryptographicException($"The data key of stream {streamId} does not unwrap: it was altered, or wrapped under another key-encryption key.");
        try
        {
            return Key.Import(Aead, raw, KeyBlobFormat.RawSymmetricKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    private static byte[] Wrap(Key keyEncryptionKey, Guid streamId, byte[] dataKey)
    {
        var nonce = RandomNumberGenerator.GetBytes(Aead.NonceSize);
        var wrapped = Aead.Encrypt(keyEncryptionKey, nonce, AssociatedData(streamId), dataKey);
        CryptographicOperations.ZeroMemory(dataKey);
        return [.. nonce, .. wrapped];
    }

    private static byte[] AssociatedData(Guid streamId) => Encoding.UTF8.GetBytes($"reporting.eventstore.stream-key:{streamId:D}");
}
