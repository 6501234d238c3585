using System.Security.Cryptography;
using System.Text;
using Marten;
using Reporting.Storage.Conflicts;
using Marten.Exceptions;

namespace Reporting.CaseManagement.Staff.Audit;

/// <summary>
/// The audit trail in the event store: each entry an event on the day's audit stream (append-only, in the store's
/// integrity chain), and the same entry as a document indexed by case and user for <c>GET /api/audit</c>, written in
/// the same transaction. A stream per day keeps concurrent writers from queueing on one stream.
/// </summary>
internal sealed class StoredAuditTrail(IDocumentStore store) : IAuditTrail
{
    private const int Attempts = 8;

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var stream = StreamFor(entry.At);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Appends to the day's stream queue on its row instead of failing on the version: every read is recorded.
                await using var session = store.LightweightSession();
                await session.Events.AppendExclusive(stream, cancellationToken, new AuditRecorded(entry));
                session.Store(entry);
                await session.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (NonExistentStreamException)
            {
            }
            // Another entry of the day was appended in the same moment: record this one again, after it.
            catch (Exception race) when (WriteRaces.Lost(race) && attempt < Attempts)
            {
                continue;
            }
            try
            {
                await using var session = store.LightweightSession();
                session.Events.StartStream(stream, new AuditRecorded(entry));
                session.Store(entry);
                await session.SaveChangesAsync(cancellationToken);
                return;
            }
            // Another writer started the day's stream first: append to it.
            catch (Exception race) when (WriteRaces.Lost(race) && attempt < Attempts)
            {
            }
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        IQueryable<AuditEntry> query = session.Query<AuditEntry>();
        if (filter.CaseId is { } caseId)
            query = query.Where(entry => entry.CaseId == caseId);
        if (filter.Username is { } username)
            query = query.Where(entry => entry.Username == username);
        if (filter.From is { } from)
            query = query.Where(entry => entry.At >= from);
        if (filter.To is { } to)
            query = query.Where(entry => entry.At <= to);
        if (filter.Outcome is { } outcome)
            query = query.Where(entry => entry.Outcome == outcome);
        return await query.OrderByDescending(entry => entry.At).Take(filter.Limit).ToListAsync(cancellationToken);
    }

    private static Guid StreamFor(DateTimeOffset at)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"reporting.audit:{at.UtcDateTime:yyyy-MM-dd}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
