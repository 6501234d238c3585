using NSec.Cryptography;

namespace Reporting.CaseManagement.Keys;

/// <summary>The office keys, unlocked: for each purpose the newest key works, and older ones still open what they closed.</summary>
public sealed class OfficeKeys(IReadOnlyList<OfficeKey> keys) : IDisposable
{
    public IReadOnlyList<OfficeKey> All => keys;

    public OfficeKey Current(OfficeKeyPurpose purpose) =>
        TryCurrent(purpose)
        ?? throw new InvalidOperationException($"The key file holds no {purpose.Name} key.");

    /// <summary>The newest key of the purpose, or null for a key file made before the purpose existed.</summary>
    public OfficeKey? TryCurrent(OfficeKeyPurpose purpose) =>
        keys.Where(key => key.Purpose == purpose).MaxBy(key => key.CreatedAt);

    public OfficeKey? Find(string keyId) => keys.FirstOrDefault(key => key.KeyId == keyId);

    public void Dispose()
    {
        foreach (var key in keys)
            key.Key.Dispose();
    }
}

public sealed record OfficeKey(OfficeKeyPurpose Purpose, string KeyId, DateTimeOffset CreatedAt, Key Key);
