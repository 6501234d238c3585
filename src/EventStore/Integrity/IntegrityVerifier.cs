using System.Data;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Integrity;

/// <summary>
/// Recomputes every stream's hash chain from the stored rows and compares it with the stored hashes and the stream
/// heads in <c>mt_streams</c>, checks the checkpoints' signatures against trusted keys only, and recomputes the
/// stream heads the newest valid checkpoint signed. Reads one consistent snapshot; writes nothing.
/// </summary>
internal sealed class IntegrityVerifier(NpgsqlDataSource dataSource, IEnumerable<PublicKey> trustedKeys)
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
        using var headsHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
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

        await using (var command = new NpgsqlCommand("""
            SELECT seq_id, id, stream_id, version, type, timestamp, tenant_id, data::text, mt_dotnet_type, correlation_id, causation_id, headers::text, hash
            FROM mt_events ORDER BY stream_id, version
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            StreamWalk? walk = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new CanonicalEvent(
                    reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4),
                    reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), reader.GetString(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11));
                var stored = reader.GetFieldValue<byte[]>(12);
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

        foreach (var (id, (version, _)) in heads)
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

    private static void CheckHead(StreamWalk walk, Dictionary<Guid, (long Version, byte[] Head)> heads, List<IntegrityFinding> findings)
    {
        if (!heads.Remove(walk.Id, out var head))
            findings.Add(new IntegrityFinding(walk.Sequence, walk.Id, walk.Version, "the stream's own row is missing: it was deleted"));
        else if (head.Version != walk.Version)
            findings.Add(new IntegrityFinding(walk.Sequence, walk.Id, walk.Version,
                $"this is the stream's last event but the stream records version {head.Version}: later events were deleted or the stream row altered"));
        else if (!head.Head.AsSpan().SequenceEqual(walk.Previous))
            findings.Add(new IntegrityFinding(walk.Sequence, walk.Id, walk.Version, "the stream's recorded head hash differs from its last event's: the chain was rewritten"));
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

    private static async Task<List<StoredCheckpoint>> ReadCheckpointsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var checkpoints = new List<StoredCheckpoint>();
        await using var command = new NpgsqlCommand(
            "SELECT id, seq_id, stream_count, heads_hash, public_key, signature FROM mt_integrity_checkpoints ORDER BY seq_id, id", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            checkpoints.Add(new StoredCheckpoint(reader.GetInt64(0),
                new Checkpoint(reader.GetInt64(1), reader.GetInt64(2), reader.GetFieldValue<byte[]>(3)),
                reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<byte[]>(5)));
        return checkpoints;
    }

    private static async Task<Dictionary<Guid, (long, byte[])>> ReadStreamHeadsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var heads = new Dictionary<Guid, (long, byte[])>();
        await using var command = new NpgsqlCommand("SELECT id, version, head_hash FROM mt_streams", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            heads[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
        return heads;
    }
}
