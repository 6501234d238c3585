using Reporting.Sodium.Cryptography;

namespace Reporting.CaseManagement.Keys;

/// <summary>The office keys, unlocked: for each purpose the newest key works, and older ones still open what they closed.</summary>
public sealed class OfficeKeys(IReadOnlyList<OfficeKey> keys) : IDisposable
{
    public IReadOnlyList<OfficeKey> All => keys;

    public OfficeKey Current(OfficeKeyPurpose purpose) =>
        keys.Where(key => key.Purpose == purpose).MaxBy(key => key.CreatedAt)
        ?? throw new InvalidOperationException($"The key file holds no {purpose.Name} key.");

    public OfficeKey? Find(string keyId) => keys.FirstOrDefault(key => key.KeyId == keyId);

    public void Dispose()
    {
        foreach (var key in keys)
            key.Key.Dispose();
    }
}

public sealed record OfficeKey(OfficeKeyPurpose Purpose, string KeyId, DateTimeOffset CreatedAt, Key Key);
