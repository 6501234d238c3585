using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Marten.Exceptions;
using Microsoft.Extensions.Options;
using Npgsql;
using NSec.Cryptography;
using Reporting.Storage.Hosting;

namespace Reporting.Storage.Shredding;

/// <summary>
/// Per-stream data keys in our own <c>stream_keys</c> table, wrapped under the key-encryption key, and a short-lived
/// cache of the unwrapped ones: the serializer that opens sealed fields is synchronous and has no stream context but
/// the id written beside each field.
/// </summary>
internal sealed class StreamKeyStore(NpgsqlDataSource dataSource, DatabaseOptions database, IOptions<ShreddingOptions> options)
{
    private const int DataKeySize = 32;
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;
    private readonly ConcurrentDictionary<Guid, (Key? Key, long Until)> _cache = new();

    private Key KeyEncryptionKey => options.Value.KeyEncryptionKey
        ?? throw new InvalidOperationException("Shreddable fields need ShreddingOptions.KeyEncryptionKey, which only the case-management module holds.");

    /// <summary>The stream's data key, or null when it was shredded (or never had one).</summary>
    public Key? Find(Guid streamId)
    {
        if (_cache.TryGetValue(streamId, out var cached) && cached.Until > Environment.TickCount64)
            return cached.Key;
        using var command = dataSource.CreateCommand($"SELECT data_key FROM {database.Schema}.stream_keys WHERE stream = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        var wrapped = command.ExecuteScalar() as byte[];
        var key = wrapped is null ? null : Unwrap(streamId, wrapped);
        Remember(streamId, key);
        return key;
    }

    /// <summary>The data keys of the streams, created where missing; refuses a stream that was shredded.</summary>
    public async Task<Dictionary<Guid, Key>> GetOrCreateAsync(IReadOnlyCollection<Guid> streamIds, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<Guid, Key>();
        var missing = new List<Guid>();
        foreach (var id in streamIds)
        {
            if (_cache.TryGetValue(id, out var cached) && cached.Until > Environment.TickCount64 && cached.Key is { } key)
                keys[id] = key;
            else
                missing.Add(id);
        }
        if (missing.Count == 0)
            return keys;

        // Created in a transaction of their own, before the events they seal: a key whose events are never committed
        // protects nothing and costs a row.
        var fresh = missing.Select(id => Wrap(id, RandomNumberGenerator.GetBytes(DataKeySize))).ToArray();
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"INSERT INTO {database.Schema}.stream_keys (stream, data_key) SELECT * FROM unnest($1::uuid[], $2::bytea[]) ON CONFLICT (stream) DO NOTHING")
        {
            Parameters = { new NpgsqlParameter { Value = missing.ToArray() }, new NpgsqlParameter { Value = fresh } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT stream, data_key FROM {database.Schema}.stream_keys WHERE stream = ANY($1)")
        {
            Parameters = { new NpgsqlParameter { Value = missing.ToArray() } },
        });
        // The reader skips the INSERT, which returns no rows, and starts at the SELECT.
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            if (reader.IsDBNull(1))
                throw new InvalidStreamOperationException($"Stream {id} was shredded; no personal data can be added to it.");
            var key = Unwrap(id, reader.GetFieldValue<byte[]>(1));
            Remember(id, key);
            keys[id] = key;
        }
        return keys;
    }

    /// <summary>The statement that destroys a stream's key, for a session to run in its own transaction.</summary>
    public string ShredSql => $"INSERT INTO {database.Schema}.stream_keys (stream, data_key, shredded_at) VALUES (?, NULL, now()) " +
                              "ON CONFLICT (stream) DO UPDATE SET data_key = NULL, shredded_at = now()";

    public void Forget(Guid streamId) => _cache.TryRemove(streamId, out _);

    private void Remember(Guid streamId, Key? key) =>
        _cache[streamId] = (key, Environment.TickCount64 + (long)options.Value.KeyCacheLifetime.TotalMilliseconds);

    private Key Unwrap(Guid streamId, byte[] wrapped)
    {
        var raw = Aead.Decrypt(KeyEncryptionKey, wrapped.AsSpan(0, Aead.NonceSize), AssociatedData(streamId), wrapped.AsSpan(Aead.NonceSize))
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

    private byte[] Wrap(Guid streamId, byte[] dataKey)
    {
        var nonce = RandomNumberGenerator.GetBytes(Aead.NonceSize);
        var wrapped = Aead.Encrypt(KeyEncryptionKey, nonce, AssociatedData(streamId), dataKey);
        CryptographicOperations.ZeroMemory(dataKey);
        return [.. nonce, .. wrapped];
    }

    private static byte[] AssociatedData(Guid streamId) => Encoding.UTF8.GetBytes($"reporting.eventstore.stream-key:{streamId:D}");
}
