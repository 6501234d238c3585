using Marten;

namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>Token signing keys as documents; their private halves arrive here already wrapped.</summary>
internal sealed class StoredTokenSigningKeys(IDocumentStore store) : ITokenSigningKeyStore
{
    public async Task<IReadOnlyList<StoredTokenSigningKey>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<StoredTokenSigningKey>().ToListAsync(cancellationToken);
    }

    public async Task AddAsync(StoredTokenSigningKey key, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(key);
        await session.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Delete<StoredTokenSigningKey>(keyId);
        await session.SaveChangesAsync(cancellationToken);
    }
}
