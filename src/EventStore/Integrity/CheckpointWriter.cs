using Npgsql;
using Reporting.EventStore.Daemon;
using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Integrity;

/// <summary>Signs a checkpoint at the highest sequence number below which no gap can still be filled.</summary>
internal static class CheckpointWriter
{
    /// <returns>The new checkpoint, or null when no event was added since the last one.</returns>
    public static async Task<Checkpoint?> WriteAsync(NpgsqlDataSource dataSource, Key signingKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var ceiling = await GapTracker.SettledCeilingAsync(connection, cancellationToken);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One writer at a time across hosts; a second one finds the checkpoint already written.
        await using (var exclusive = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('reporting.checkpoints', 0))", connection, transaction))
            await exclusive.ExecuteNonQueryAsync(cancellationToken);
        await using (var last = new NpgsqlCommand("SELECT coalesce(max(seq_id), 0) FROM mt_integrity_checkpoints", connection, transaction))
            if ((long)(await last.ExecuteScalarAsync(cancellationToken))! >= ceiling)
                return null;

        Checkpoint checkpoint;
        await using (var heads = new NpgsqlCommand("""
            SELECT count(*), sha256(convert_to(coalesce(string_agg(
                       stream_id::text || ':' || version::text || ':' || encode(hash, 'hex') || E'\n', '' ORDER BY stream_id), ''), 'UTF8'))
            FROM (SELECT DISTINCT ON (stream_id) stream_id, version, hash FROM mt_events WHERE seq_id <= $1 ORDER BY stream_id, version DESC) AS head
            """, connection, transaction))
        {
            heads.Parameters.Add(new NpgsqlParameter { Value = ceiling });
            await using var reader = await heads.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            checkpoint = new Checkpoint(ceiling, reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
        }

        await using (var insert = new NpgsqlCommand(
            "INSERT INTO mt_integrity_checkpoints (seq_id, stream_count, heads_hash, public_key, signature) VALUES ($1, $2, $3, $4, $5)", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = checkpoint.Sequence });
            insert.Parameters.Add(new NpgsqlParameter { Value = checkpoint.StreamCount });
            insert.Parameters.Add(new NpgsqlParameter { Value = checkpoint.HeadsHash });
            insert.Parameters.Add(new NpgsqlParameter { Value = signingKey.PublicKey.Export(KeyBlobFormat.RawPublicKey) });
            insert.Parameters.Add(new NpgsqlParameter { Value = SignatureAlgorithm.Ed25519.Sign(signingKey, checkpoint.SignedBytes()) });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return checkpoint;
    }
}
