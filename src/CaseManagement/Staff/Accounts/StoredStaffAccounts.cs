using Marten;
using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;

namespace Reporting.CaseManagement.Staff.Accounts;

/// <summary>Accounts in the event store: one stream each, read through the inline projection's documents.</summary>
internal sealed class StoredStaffAccounts(IDocumentStore store) : IStaffAccounts
{
    public async Task<StaffAccount?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<StaffAccount>(StaffAccountId.For(username), cancellationToken);
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<StaffAccount>().OrderBy(account => account.Username).ToListAsync(cancellationToken);
    }

    public async Task CreateAsync(AccountCreated created, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Events.StartStream<StaffAccount>(StaffAccountId.For(created.Username), [created, .. events]);
        await session.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> AppendAsync(string username, long? expectedVersion, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var id = StaffAccountId.For(username);
        if (expectedVersion is { } version)
            session.Events.Append(id, version + events.Count, [.. events]);
        else
            // Unconditional appends (a failed login) queue on the stream's row rather than fail on its version.
            await session.Events.AppendExclusive(id, cancellationToken, [.. events]);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false;
        }
    }
}
