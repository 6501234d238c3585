using System.Collections.Immutable;

namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>
/// The signing keys this host knows: the newest signs, and every key still within its lifetime plus one token
/// lifetime verifies, so that tokens signed just before a rotation stay valid until they expire.
/// </summary>
public sealed class TokenSigningKeys
{
    private ImmutableArray<TokenSigningKey> _keys = [];

    /// <summary>Keys newest first.</summary>
    public IReadOnlyList<TokenSigningKey> All => _keys;

    public TokenSigningKey Current => _keys.IsEmpty
        ? throw new InvalidOperationException("No token signing key is loaded yet.")
        : _keys[0];

    public TokenSigningKey? Find(string? keyId) => keyId is null ? null : _keys.FirstOrDefault(key => key.KeyId == keyId);

    public void Replace(IEnumerable<TokenSigningKey> keys) =>
        _keys = [.. keys.OrderByDescending(key => key.CreatedAt)];

    /// <summary>Whether a key made at <paramref name="createdAt"/> should no longer sign.</summary>
    public static bool IsDueForRotation(DateTimeOffset createdAt, DateTimeOffset now, TimeSpan lifetime) => now - createdAt >= lifetime;

    /// <summary>
    /// The keys that can no longer have signed a live token: a newer key has signed everything for longer than a
    /// token lives (plus the clock skew allowed), so they may be dropped.
    /// </summary>
    public static IEnumerable<TokenSigningKey> Retired(IEnumerable<TokenSigningKey> keys, DateTimeOffset now)
    {
        var newestFirst = keys.OrderByDescending(key => key.CreatedAt).ToList();
        var successorFullyInCharge = newestFirst.FindIndex(key => now - key.CreatedAt >= StaffTokenOptions.TokenLifetime + StaffTokenOptions.ClockSkew);
        return successorFullyInCharge < 0 ? [] : newestFirst.Skip(successorFullyInCharge + 1);
    }
}
