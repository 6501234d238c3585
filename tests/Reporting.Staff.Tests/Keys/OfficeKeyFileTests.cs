using Reporting.Cryptography.Hpke;
using Reporting.Intake.Contracts;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;
using Reporting.CaseManagement.Keys;
using NSec.Cryptography;
using Reporting.Testing;

namespace Reporting.Staff.Tests.Keys;

public sealed class OfficeKeyFileTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple, twice";
    private readonly string _folder = TestCluster.NewFolder();

    private string KeyFile => Path.Combine(_folder, "keys", "office-keys.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Init_writes_one_key_of_each_purpose_readable_by_the_owner_only()
    {
        using var keys = OfficeKeyFile.Create(KeyFile, Passphrase, DateTimeOffset.UtcNow);

        Assert.Equal(["sealing", "notice-signing", "log-signing", "key-encryption", "checkpoint-signing"], keys.All.Select(key => key.Purpose.Name));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        Assert.Equal(["sealing", "notice-signing", "log-signing", "checkpoint-signing"], OfficeKeyFile.PublicKeys(KeyFile).Select(key => key.Purpose));
        Assert.Throws<IOException>(() => OfficeKeyFile.Create(KeyFile, Passphrase, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void The_file_holds_no_private_key_in_clear()
    {
        using var keys = OfficeKeyFile.Create(KeyFile, Passphrase, DateTimeOffset.UtcNow);
        var text = File.ReadAllText(KeyFile);

        foreach (var key in keys.All)
        {
            var secret = key.Key.Export(key.Purpose.PrivateFormat);
            Assert.DoesNotContain(Base64UrlEncoder.Encode(secret), text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(secret), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unlock_opens_the_same_keys_with_the_passphrase_and_nothing_without_it()
    {
        using var created = OfficeKeyFile.Create(KeyFile, Passphrase, DateTimeOffset.UtcNow);
        using var unlocked = OfficeKeyFile.Unlock(KeyFile, Passphrase);

        Assert.Equal(created.Current(OfficeKeyPurpose.Sealing).Key.PublicKey, unlocked.Current(OfficeKeyPurpose.Sealing).Key.PublicKey);
        Assert.Throws<CryptographicException>(() => OfficeKeyFile.Unlock(KeyFile, "a wrong passphrase entirely"));
    }

    [Fact]
    public void An_altered_key_file_does_not_unlock()
    {
        using (OfficeKeyFile.Create(KeyFile, Passphrase, DateTimeOffset.UtcNow))
        {
        }
        var text = File.ReadAllText(KeyFile);
        var start = text.IndexOf("\"wrapped\": \"", StringComparison.Ordinal) + 20;
        File.WriteAllText(KeyFile, text[..start] + (text[start] == 'A' ? 'B' : 'A') + text[(start + 1)..]);

        Assert.Throws<CryptographicException>(() => OfficeKeyFile.Unlock(KeyFile, Passphrase));
    }

    [Fact]
    public void Rotation_adds_new_keys_and_old_ones_still_open_what_they_sealed()
    {
        byte[] sealedToOld;
        string oldSealingId;
        using (var original = OfficeKeyFile.Create(KeyFile, Passphrase, DateTimeOffset.UtcNow.AddDays(-30)))
        {
            var sealing = original.Current(OfficeKeyPurpose.Sealing);
            oldSealingId = sealing.KeyId;
            sealedToOld = HpkeEnvelope.Seal(sealing.Key.PublicKey, SealingInfo.DataKey, "a report's data key"u8);
        }

        var added = OfficeKeyFile.Rotate(KeyFile, Passphrase, [OfficeKeyPurpose.Sealing], DateTimeOffset.UtcNow);
        using var rotated = OfficeKeyFile.Unlock(KeyFile, Passphrase);

        Assert.Equal(added.Single(), rotated.Current(OfficeKeyPurpose.Sealing).KeyId);
        Assert.True(HpkeEnvelope.TryOpen(rotated.Find(oldSealingId)!.Key, SealingInfo.DataKey, sealedToOld, out var opened));
        Assert.Equal("a report's data key"u8.ToArray(), opened);
        Assert.Equal(OfficeKeyPurpose.All.Count + 1, rotated.All.Count);
    }

    [Fact]
    public void Rotation_needs_the_passphrase()
    {
        using (OfficeKeyFile.Create(KeyFile, Passphrase, DateTimeOffset.UtcNow))
        {
        }

        Assert.Throws<CryptographicException>(() => OfficeKeyFile.Rotate(KeyFile, "a wrong passphrase entirely", OfficeKeyPurpose.All, DateTimeOffset.UtcNow));
        Assert.Equal(4, OfficeKeyFile.PublicKeys(KeyFile).Count);
    }

    [Fact]
    public void The_notice_signing_key_signs_what_its_exported_public_key_verifies()
    {
        using var keys = OfficeKeyFile.Create(KeyFile, Passphrase, DateTimeOffset.UtcNow);
        var signing = keys.Current(OfficeKeyPurpose.NoticeSigning);
        var exported = OfficeKeyFile.PublicKeys(KeyFile).Single(key => key.KeyId == signing.KeyId);
        var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Base64UrlEncoder.DecodeBytes(exported.PublicKey), KeyBlobFormat.RawPublicKey);

        Assert.True(SignatureAlgorithm.Ed25519.Verify(publicKey, "notice"u8, SignatureAlgorithm.Ed25519.Sign(signing.Key, "notice"u8)));
    }

    [Fact]
    public void Development_creates_a_key_set_on_first_run_and_reuses_it_after()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Keys:File"] = KeyFile }).Build();
        var development = new HostingEnvironment { EnvironmentName = Environments.Development };

        using var first = OfficeKeysLoading.Load(configuration, development, TimeProvider.System, NullLogger.Instance);
        using var second = OfficeKeysLoading.Load(configuration, development, TimeProvider.System, NullLogger.Instance);

        Assert.Equal(first.All.Select(key => key.KeyId), second.All.Select(key => key.KeyId));
    }

    [Fact]
    public void Outside_Development_nothing_is_created_and_no_passphrase_means_no_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Keys:File"] = KeyFile }).Build();
        var production = new HostingEnvironment { EnvironmentName = Environments.Production };

        Assert.Throws<InvalidOperationException>(() => OfficeKeysLoading.Load(configuration, production, TimeProvider.System, NullLogger.Instance));
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public void Outside_Development_the_passphrase_file_unlocks_the_keys()
    {
        using (OfficeKeyFile.Create(KeyFile, Passphrase, DateTimeOffset.UtcNow))
        {
        }
        var passphraseFile = Path.Combine(_folder, "passphrase");
        File.WriteAllText(passphraseFile, Passphrase + "\n");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Keys:File"] = KeyFile,
            ["Keys:PassphraseFile"] = passphraseFile,
        }).Build();

        using var keys = OfficeKeysLoading.Load(configuration, new HostingEnvironment { EnvironmentName = Environments.Production }, TimeProvider.System, NullLogger.Instance);

        Assert.Equal(OfficeKeyPurpose.All.Count, keys.All.Count);
    }

    [Fact]
    public void Short_passphrases_are_refused_for_a_new_key_file()
    {
        Assert.Throws<InvalidOperationException>(() => PassphraseSources.RequireStrong("too short"));
        Assert.Equal(Passphrase, PassphraseSources.RequireStrong(Passphrase));
    }
}
