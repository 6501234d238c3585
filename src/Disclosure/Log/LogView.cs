using System.Collections.Concurrent;
using Marten;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Log;

/// <summary>
/// The log as readers see it: its entries, leaf hashes and newest signed checkpoint, read from the store and kept in
/// memory, since entries never change once appended. A reader gets a snapshot no older than <see cref="Freshness"/>, so
/// that a busy public site asks the database for news at most that often; a host that publishes sees its own at once.
/// Proofs depend only on (index, size) and are kept once computed.
/// </summary>
internal sealed class LogView(IDocumentStore store, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly ConcurrentDictionary<(long Index, long Size), byte[][]> _inclusionProofs = new();
    private LogSnapshot _snapshot = LogSnapshot.Empty;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    public async Task<LogSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - _checkedAt < Freshness)
            return _snapshot;
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _checkedAt >= Freshness)
                await RefreshAsync(cancellationToken);
            return _snapshot;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>After this host published: the next reader reads the store.</summary>
    public void Invalidate() => _checkedAt = DateTimeOffset.MinValue;

    public byte[][] InclusionProof(LogSnapshot snapshot, long index) =>
        _inclusionProofs.GetOrAdd((index, snapshot.Size), key => TransparencyLog.InclusionProof.Make(snapshot.LeafHashes, key.Index, key.Size));

    /// <summary>The first <paramref name="size"/> leaf hashes, for signing the next checkpoint: from memory as far as it goes.</summary>
    public async Task<IReadOnlyList<byte[]>> LeafHashesAsync(IQuerySession session, long size, CancellationToken cancellationToken)
    {
        var known = _snapshot;
        if (known.Size >= size)
            return [.. known.LeafHashes.Take((int)size)];
        var leafHashes = known.LeafHashes.ToList();
        var events = await session.Events.FetchStreamAsync(NoticeLog.StreamId, version: size, fromVersion: known.Size + 1, token: cancellationToken);
        leafHashes.AddRange(events.Select(e => e.Data).OfType<NoticeLogEntryAppended>().Select(appended => appended.LeafHash));
        if (leafHashes.Count != size)
            throw new InvalidOperationException($"The log stream holds {leafHashes.Count} entries where its head says {size}.");
        return leafHashes;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var checkpoint = await session.Query<SignedCheckpoint>().OrderByDescending(signed => signed.Id).FirstOrDefaultAsync(cancellationToken);
        var known = _snapshot;
        var size = checkpoint?.Id ?? 0;
        if (size > known.Size)
        {
            var entries = known.Entries.ToList();
            var leafHashes = known.LeafHashes.ToList();
            var events = await session.Events.FetchStreamAsync(NoticeLog.StreamId, version: size, fromVersion: known.Size + 1, token: cancellationToken);
            foreach (var appended in events.Select(e => e.Data).OfType<NoticeLogEntryAppended>())
            {
                entries.Add(appended.Entry);
                leafHashes.Add(appended.LeafHash);
            }
            if (leafHashes.Count != size)
                throw new InvalidOperationException($"The log stream holds {leafHashes.Count} entries where checkpoint {size} needs them.");
            _snapshot = new LogSnapshot(entries, leafHashes, checkpoint!.Note);
        }
        else if (checkpoint is not null && checkpoint.Note != known.CheckpointNote && size == known.Size)
            _snapshot = known with { CheckpointNote = checkpoint.Note };
        _checkedAt = time.GetUtcNow();
    }
}

/// <param name="CheckpointNote">The newest signed checkpoint, whose size is <see cref="Size"/>; null while nothing is published.</param>
internal sealed record LogSnapshot(IReadOnlyList<byte[]> Entries, IReadOnlyList<byte[]> LeafHashes, string? CheckpointNote)
{
    public static readonly LogSnapshot Empty = new([], [], null);

    public long Size => LeafHashes.Count;
}
