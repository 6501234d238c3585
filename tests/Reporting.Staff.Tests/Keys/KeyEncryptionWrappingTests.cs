using System.Security.Cryptography;
using Reporting.CaseManagement.Keys;
using Reporting.Testing;

namespace Reporting.Staff.Tests.Keys;

public sealed class KeyEncryptionWrappingTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple, twice";
    private readonly string _folder = TestCluster.NewFolder();

    private string KeyFile => Path.Combine(_folder, "office-keys.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_wrapped_secret_opens_only_for_its_own_purpose_and_unaltered()
    {
        using var keys = OfficeKeyFile.Create(KeyFile, Passphrase, DateTimeOffset.UtcNow);
        var wrapping = new KeyEncryptionWrapping(keys);
        var wrapped = wrapping.Wrap([1, 2, 3, 4], "staff-totp-secret");

        Assert.Equal([1, 2, 3, 4], wrapping.Unwrap(wrapped, "staff-totp-secret"));
        Assert.Throws<CryptographicException>(() => wrapping.Unwrap(wrapped, "staff-token-signing-key"));
        wrapped[^1] ^= 1;
        Assert.Throws<CryptographicException>(() => wrapping.Unwrap(wrapped, "staff-totp-secret"));
    }

    [Fact]
    public void After_the_key_encryption_key_rotates_old_wrappings_still_open_and_new_ones_use_the_new_key()
    {
        byte[] wrappedBefore;
        using (var original = OfficeKeyFile.Create(KeyFile, Passphrase, DateTimeOffset.UtcNow.AddDays(-1)))
            wrappedBefore = new KeyEncryptionWrapping(original).Wrap([9, 9, 9], "staff-totp-secret");

        OfficeKeyFile.Rotate(KeyFile, Passphrase, [OfficeKeyPurpose.KeyEncryption], DateTimeOffset.UtcNow);
        using var rotated = OfficeKeyFile.Unlock(KeyFile, Passphrase);
        var wrapping = new KeyEncryptionWrapping(rotated);
        var wrappedAfter = wrapping.Wrap([9, 9, 9], "staff-totp-secret");

        Assert.Equal([9, 9, 9], wrapping.Unwrap(wrappedBefore, "staff-totp-secret"));
        var newKeyId = System.Text.Encoding.UTF8.GetBytes(rotated.Current(OfficeKeyPurpose.KeyEncryption).KeyId);
        Assert.Equal(newKeyId, wrappedAfter.AsSpan(1, wrappedAfter[0]).ToArray());
    }
}
