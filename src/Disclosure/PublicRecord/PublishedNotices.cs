using Marten;
using Reporting.Disclosure.Log;
using Reporting.Disclosure.Notices;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.PublicRecord;

/// <summary>
/// A published notice with the proofs that make it checkable: each version's signed bytes, its record, and its
/// tlog-proof against the newest checkpoint. Only published versions; a draft never reaches the public.
/// </summary>
internal sealed class PublishedNotices(IDocumentStore store, LogView log)
{
    public async Task<PublishedNotice?> FindAsync(Guid noticeId, CancellationToken cancellationToken)
    {
        // The published versions alone, not the notice's whole history: the public host's database role sees no draft
        // event (roles.sql), and nothing here needs one.
        await using var session = store.QuerySession();
        var published = (await session.Events.FetchStreamAsync(noticeId, token: cancellationToken))
            .Select(@event => @event.Data).OfType<NoticeVersionPublished>().ToList();
        if (published.Count == 0)
            return null;
        var snapshot = await log.CurrentAsync(cancellationToken);
        if (snapshot.Size <= published[^1].LogIndex)
        {
            // Published a moment ago, by another host: this host's view of the log is behind by at most its freshness.
            log.Invalidate();
            snapshot = await log.CurrentAsync(cancellationToken);
        }
        return new PublishedNotice(noticeId, [.. published.Select(version => new ProvedVersion(version, TlogProofOf(snapshot, version)))], snapshot);
    }

    private string TlogProofOf(LogSnapshot snapshot, NoticeVersionPublished version) =>
        new TlogProof(version.Record, version.LogIndex, log.InclusionProof(snapshot, version.LogIndex), snapshot.CheckpointNote!).Format();
}

internal sealed record PublishedNotice(Guid NoticeId, IReadOnlyList<ProvedVersion> Versions, LogSnapshot Log)
{
    public ProvedVersion Current => Versions[^1];

    public bool Withdrawn => Current.Version.RecordKind == RecordKind.Withdrawal;

    /// <summary>The newest version with content: the one the notice page shows, above a withdrawal's statement if any.</summary>
    public ProvedVersion? LastWithContent => Versions.LastOrDefault(version => version.Version.RecordKind != RecordKind.Withdrawal);
}

internal sealed record ProvedVersion(NoticeVersionPublished Version, string TlogProof);
