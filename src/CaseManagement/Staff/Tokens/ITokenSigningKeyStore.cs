namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>The token signing keys in the database, each private key wrapped under the key-encryption key.</summary>
public interface ITokenSigningKeyStore
{
    Task<IReadOnlyList<StoredTokenSigningKey>> LoadAsync(CancellationToken cancellationToken);

    Task AddAsync(StoredTokenSigningKey key, CancellationToken cancellationToken);

    Task RemoveAsync(string keyId, CancellationToken cancellationToken);
}

/// <param name="Id">The key id (<c>kid</c>).</param>
/// <param name="WrappedPrivateKey">PKCS#8, wrapped under the key-encryption key for <see cref="TokenSigningKeyRotation.WrappingPurpose"/>.</param>
public sealed record StoredTokenSigningKey(string Id, byte[] WrappedPrivateKey, DateTimeOffset CreatedAt);
