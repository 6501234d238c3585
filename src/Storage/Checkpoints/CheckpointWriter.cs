using Npgsql;
using NSec.Cryptography;
using Reporting.Storage.HashChain;

namespace Reporting.Storage.Checkpoints;

/// <summary>
/// Signs a checkpoint at Marten's high-water mark: the async daemon moves it only past sequence numbers that are
/// committed or can never be, so the stream heads as of it no longer change.
/// </summary>
internal static class CheckpointWriter
{
    /// <returns>The new checkpoint, or null when the high-water mark has not moved since the last one.</returns>
    public static async Task<Checkpoint?> WriteAsync(NpgsqlDataSource dataSource, string schema, Key signingKey, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One writer at a time across hosts; a second one finds the checkpoint already written.
        await using (var exclusive = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('reporting.checkpoints', 0))", connection, transaction))
            await exclusive.ExecuteNonQueryAsync(cancellationToken);
        long ceiling;
        await using (var marks = new NpgsqlCommand($"""
            SELECT coalesce((SELECT last_seq_id FROM {schema}.mt_event_progression WHERE name = 'HighWaterMark'), 0),
                   coalesce((SELECT max(seq_id) FROM {schema}.integrity_checkpoints), 0)
            """, connection, transaction))
        await using (var reader = await marks.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            ceiling = reader.GetInt64(0);
            if (ceiling <= reader.GetInt64(1))
                return null;
        }

        Checkpoint checkpoint;
        await using (var heads = new NpgsqlCommand($"""
            SELECT count(*), sha256(convert_to(coalesce(string_agg(
                       stream_id::text || ':' || version::text || ':' || (headers ->> '{CanonicalEvent.ChainHeader}') || E'\n', '' ORDER BY stream_id), ''), 'UTF8'))
            FROM (SELECT DISTINCT ON (stream_id) stream_id, version, headers FROM {schema}.mt_events WHERE seq_id <= $1 ORDER BY stream_id, version DESC) AS head
            """, connection, transaction))
        {
            heads.Parameters.Add(new NpgsqlParameter { Value = ceiling });
            await using var reader = await heads.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            checkpoint = new Checkpoint(ceiling, reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
        }

        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO {schema}.integrity_checkpoints (seq_id, stream_count, heads_hash, public_key, signature) VALUES ($1, $2, $3, $4, $5)", connection, transaction))
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
