using JasperFx.Events.Projections;
using Marten;
using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Cases.Statistics;

/// <summary>The monthly counters as <see cref="CaseStatisticsProjection"/> keeps them, for other modules to read.</summary>
internal sealed class MonthlyCaseCountsFromDocuments(IDocumentStore store, TimeProvider time) : IMonthlyCaseCounts
{
    /// <summary>
    /// How long after an action its event may still be appended: an event is stamped when the action is decided and
    /// stored a moment later, so the last events of a period can carry a time just before its end and arrive just after.
    /// </summary>
    private static readonly TimeSpan AppendDelay = TimeSpan.FromMinutes(5);

    private static readonly ShardName Shard = new(nameof(CaseStatistics));

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>> ForMonthsAsync(IReadOnlyList<string> months, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var documents = await session.LoadManyAsync<CaseStatistics>(cancellationToken, months);
        return documents.ToDictionary(document => document.Id, document => (IReadOnlyDictionary<string, int>)document.Counts, StringComparer.Ordinal);
    }

    public async Task<bool> HaveCountedEverythingBeforeAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        var cutoff = (instant + AppendDelay).ToUniversalTime();
        if (time.GetUtcNow() < cutoff)
            return false;
        await using var session = store.QuerySession();
        // Stored timestamps may be cut to the hour, never moved later, so every event of the period is stored before the
        // cutoff. Asked through the schema's function: a public-record host's role may not read the events themselves.
        var last = (await session.QueryAsync<long>("SELECT reporting_last_sequence_before(?)", cancellationToken, cutoff)).Single();
        return last == 0 || await store.Advanced.ProjectionProgressFor(Shard, token: cancellationToken) >= last;
    }
}
