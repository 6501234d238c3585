using System.Data;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NSec.Cryptography;
using Reporting.Storage.Checkpoints;
using Reporting.Storage.HashChain;

namespace Reporting.Storage.Verification;

/// <summary>
/// Recomputes every stream's hash chain from Marten's stored rows and compares it with the stored links and the stream
/// versions in <c>mt_streams</c>, checks the checkpoints' signatures against trusted keys only, and recomputes the
/// stream heads the newest valid checkpoint signed. Reads one consistent snapshot with built-in SQL only (no function
/// of the schema, no Marten deserialization); writes nothing.
/// </summary>
internal sealed class IntegrityVerifier(NpgsqlDataSource dataSource, string schema, IEnumerable<PublicKey> trustedKeys)
{
    private sealed record StoredCheckpoint(long Id, Checkpoint Checkpoint, byte[] PublicKey, byte[] Signature);

    private sealed class StreamWalk(Guid id)
    {
        public Guid Id { get; } = id;

        public byte[] Previous { get; set; } = [];

        public long Version { get; set; }

        public long Sequence { get; set; }

        public (long Version, byte[] Hash)? HeadAtCheckpoint { get; set; }
    }

    public async Task<IntegrityReport> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var heads = await ReadStreamHeadsAsync(connection, transaction, cancellationToken);
        var findings = new List<IntegrityFinding>();
        long events = 0, streams = 0;
        var checkpoints = await ReadCheckpointsAsync(connection, transaction, cancellationToken);
        var valid = CheckSignatures(checkpoints, findings);
        var latest = valid.Count > 0 ? valid[^1].Checkpoint : null;
        using var headsHash = System.Security.Cryptography.IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long headCount = 0;

        void FinishStream(StreamWalk walk)
        {
            CheckHead(walk, heads, findings);
            if (walk.HeadAtCheckpoint is { } head)
            {
                headsHash.AppendData(Encoding.UTF8.GetBytes(Checkpoint.HeadLine(walk.Id, head.Version, head.Hash)));
                headCount++;
            }
        }

        await using (var command = new NpgsqlCommand($$"""
            SELECT seq_id, id, stream_id, version, type, timestamp, tenant_id, data::text, bdata, mt_dotnet_type,
                   nullif(CASE WHEN jsonb_typeof(headers) = 'object' THEN headers - '{{CanonicalEvent.ChainHeader}}' END, '{}'::jsonb)::text,
                   CASE WHEN jsonb_typeof(headers) = 'object' THEN headers ->> '{{CanonicalEvent.ChainHeader}}' END
            FROM {{schema}}.mt_events ORDER BY stream_id, version
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            StreamWalk? walk = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new CanonicalEvent(
                    reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4),
                    reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetFieldValue<byte[]>(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10));
                var stored = reader.IsDBNull(11) ? [] : Convert.FromHexString(reader.GetString(11));
                events++;
                if (walk?.Id != row.StreamId)
                {
                    if (walk is not null)
                        FinishStream(walk);
                    walk = new StreamWalk(row.StreamId);
                    streams++;
                }
                CheckLink(walk, row, stored, findings);
                if (latest is not null && row.Sequence <= latest.Sequence)
                    walk.HeadAtCheckpoint = (row.Version, stored);
            }
            if (walk is not null)
                FinishStream(walk);
        }

        if (latest is not null && (headCount != latest.StreamCount || !headsHash.GetHashAndReset().AsSpan().SequenceEqual(latest.HeadsHash)))
            findings.Add(new IntegrityFinding(latest.Sequence, null, null,
                "the history up to this event differs from the newest signed checkpoint: events at or before it were rewritten, deleted or added"));

        foreach (var (id, version) in heads.Where(head => head.Value > 0))
            findings.Add(new IntegrityFinding(0, id, version, $"the stream records {version} events but none of them exists: they were deleted"));
        await transaction.CommitAsync(cancellationToken);
        return new IntegrityReport(events, streams, valid.Count, latest?.Sequence, findings);
    }

    private static void CheckLink(StreamWalk walk, CanonicalEvent row, byte[] stored, List<IntegrityFinding> findings)
    {
        if (row.Version != walk.Version + 1)
            findings.Add(new IntegrityFinding(row.Sequence, row.StreamId, row.Version,
                walk.Version + 1 == row.Version - 1
                    ? $"version {walk.Version + 1} before it is missing: that event was deleted"
                    : $"versions {walk.Version + 1} to {row.Version - 1} before it are missing: those events were deleted"));
        else if (row.Sequence <= walk.Sequence)
            findings.Add(new IntegrityFinding(row.Sequence, row.StreamId, row.Version,
                $"it comes before event {walk.Sequence} of the previous version in the global order: the rows were reordered"));
        else if (!row.Hash(walk.Previous).AsSpan().SequenceEqual(stored))
            findings.Add(new IntegrityFinding(row.Sequence, row.StreamId, row.Version, "its content does not match its hash chain: the row was altered"));

        // Continuing from the stored hash confines each finding to the row that was touched.
        walk.Previous = stored;
        walk.Version = row.Version;
        walk.Sequence = row.Sequence;
    }

    private static void CheckHead(StreamWalk walk, Dictionary<Guid, long> heads, List<IntegrityFinding> findings)
    {
        if (!heads.Remove(walk.Id, out var version))
            findings.Add(new IntegrityFinding(walk.Sequence, walk.Id, walk.Version, "the stream's own row is missing: it was deleted"));
        else if (version != walk.Version)
            findings.Add(new IntegrityFinding(walk.Sequence, walk.Id, walk.Version,
                $"this is the stream's last event but the stream records version {version}: later events were deleted or the stream row altered"));
    }

    private List<StoredCheckpoint> CheckSignatures(List<StoredCheckpoint> checkpoints, List<IntegrityFinding> findings)
    {
        var trusted = trustedKeys.ToList();
        var valid = new List<StoredCheckpoint>();
        foreach (var stored in checkpoints)
        {
            var signer = trusted.FirstOrDefault(key => key.Export(KeyBlobFormat.RawPublicKey).AsSpan().SequenceEqual(stored.PublicKey));
            if (signer is not null && SignatureAlgorithm.Ed25519.Verify(signer, stored.Checkpoint.SignedBytes(), stored.Signature))
                valid.Add(stored);
            else
                findings.Add(new IntegrityFinding(stored.Checkpoint.Sequence, null, null,
                    signer is null
                        ? $"checkpoint {stored.Id} is signed by a key that is not trusted: it was forged"
                        : $"checkpoint {stored.Id} does not match its signature: it was altered"));
        }
        return valid;
    }

    private async Task<List<StoredCheckpoint>> ReadCheckpointsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var checkpoints = new List<StoredCheckpoint>();
        await using var command = new NpgsqlCommand(
            $"SELECT id, seq_id, stream_count, heads_hash, public_key, signature FROM {schema}.integrity_checkpoints ORDER BY seq_id, id", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            checkpoints.Add(new StoredCheckpoint(reader.GetInt64(0),
                new Checkpoint(reader.GetInt64(1), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3)),
                reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<byte[]>(5)));
        return checkpoints;
    }

    private async Task<Dictionary<Guid, long>> ReadStreamHeadsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var heads = new Dictionary<Guid, long>();
        await using var command = new NpgsqlCommand($"SELECT id, coalesce(version, 0) FROM {schema}.mt_streams", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            heads[reader.GetGuid(0)] = reader.GetInt64(1);
        return heads;
    }
}
