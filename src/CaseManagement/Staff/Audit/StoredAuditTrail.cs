using System.Security.Cryptography;
using System.Text;
using Reporting.EventStore;

namespace Reporting.CaseManagement.Staff.Audit;

/// <summary>
/// The audit trail in the event store: each entry an event on the day's audit stream (append-only, in the store's
/// integrity chain), and the same entry as a document indexed by case and user for <c>GET /api/audit</c>, written in
/// the same transaction. A stream per day keeps concurrent writers from queueing on one stream.
/// </summary>
internal sealed class StoredAuditTrail(IDocumentStore store) : IAuditTrail
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Events.Append(StreamFor(entry.At), entry);
        session.Store(entry);
        await session.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var query = session.Query<AuditEntry>();
        if (filter.CaseId is { } caseId)
            query = query.Where(entry => entry.CaseId == caseId);
        if (filter.Username is { } username)
            query = query.Where(entry => entry.Username == username);
        var entries = await query.OrderByDescending(entry => entry.At).ToListAsync(cancellationToken);
        return [.. entries.Where(entry => (filter.From is null || entry.At >= filter.From) && (filter.To is null || entry.At <= filter.To)).Take(filter.Limit)];
    }

    private static Guid StreamFor(DateTimeOffset at)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"reporting.audit:{at.UtcDateTime:yyyy-MM-dd}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
