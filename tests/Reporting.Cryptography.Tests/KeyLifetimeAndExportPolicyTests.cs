using NSec.Cryptography;
using Reporting.Cryptography.SecretStreams;

namespace Reporting.Cryptography.Tests;

public class KeyLifetimeAndExportPolicyTests
{
    [Fact]
    public void A_key_is_not_exportable_unless_its_policy_says_so()
    {
        using var key = Key.Create(AeadAlgorithm.XChaCha20Poly1305);

        Assert.Equal(KeyExportPolicies.None, key.ExportPolicy);
        Assert.Throws<InvalidOperationException>(() => key.Export(KeyBlobFormat.RawSymmetricKey));
        Assert.Throws<InvalidOperationException>(() => key.Export(KeyBlobFormat.NSecSymmetricKey));
    }

    [Fact]
    public void A_private_key_that_cannot_be_exported_still_exports_its_public_key()
    {
        using var key = Key.Create(KeyAgreementAlgorithm.X25519);

        Assert.Throws<InvalidOperationException>(() => key.Export(KeyBlobFormat.RawPrivateKey));
        Assert.Equal(key.PublicKey.Export(KeyBlobFormat.RawPublicKey), key.Export(KeyBlobFormat.RawPublicKey));
    }

    [Fact]
    public void An_archivable_key_exports_once()
    {
        using var key = Key.Create(KeyAgreementAlgorithm.X25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextArchiving });

        Assert.Equal(32, key.Export(KeyBlobFormat.RawPrivateKey).Length);
        Assert.Throws<InvalidOperationException>(() => key.Export(KeyBlobFormat.RawPrivateKey));
    }

    [Fact]
    public void Creation_parameters_apply_whether_passed_by_value_or_with_in()
    {
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        var raw = new byte[32];

        using var byValue = Key.Import(AeadAlgorithm.XChaCha20Poly1305, raw, KeyBlobFormat.RawSymmetricKey, parameters);
        using var byIn = Key.Import(AeadAlgorithm.XChaCha20Poly1305, raw, KeyBlobFormat.RawSymmetricKey, in parameters);

        Assert.All([byValue, byIn], key => Assert.Equal(raw, key.Export(KeyBlobFormat.RawSymmetricKey)));
    }

    [Fact]
    public void A_disposed_key_cannot_be_used()
    {
        var aeadKey = Key.Create(AeadAlgorithm.XChaCha20Poly1305, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var agreementKey = Key.Create(KeyAgreementAlgorithm.X25519);
        var signingKey = Key.Create(SignatureAlgorithm.Ed25519);
        var peer = Key.Create(KeyAgreementAlgorithm.X25519).PublicKey;
        var nonce = new byte[24];
        aeadKey.Dispose();
        agreementKey.Dispose();
        signingKey.Dispose();

        Assert.Throws<ObjectDisposedException>(() => aeadKey.Export(KeyBlobFormat.RawSymmetricKey));
        Assert.Throws<ObjectDisposedException>(() => AeadAlgorithm.XChaCha20Poly1305.Encrypt(aeadKey, nonce, [], [1]));
        Assert.Throws<ObjectDisposedException>(() => AeadAlgorithm.XChaCha20Poly1305.Decrypt(aeadKey, nonce, [], new byte[17]));
        Assert.Throws<ObjectDisposedException>(() => KeyAgreementAlgorithm.X25519.Agree(agreementKey, peer));
        Assert.Throws<ObjectDisposedException>(() => SignatureAlgorithm.Ed25519.Sign(signingKey, [1]));
    }

    [Fact]
    public void A_disposed_shared_secret_cannot_be_used()
    {
        var secret = SharedSecret.Import(new byte[32], SharedSecretBlobFormat.RawSharedSecret);
        secret.Dispose();

        Assert.Throws<ObjectDisposedException>(() => KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(secret, [], [], 32));
    }

    [Fact]
    public void Keys_derived_from_the_same_input_are_the_same_key()
    {
        var exportable = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        using var first = KeyDerivationAlgorithm.HkdfSha256.DeriveKey([1, 2, 3], [4], "mailbox"u8, KeyAgreementAlgorithm.X25519, exportable);
        using var second = KeyDerivationAlgorithm.HkdfSha256.DeriveKey([1, 2, 3], [4], "mailbox"u8, KeyAgreementAlgorithm.X25519, exportable);
        using var other = KeyDerivationAlgorithm.HkdfSha256.DeriveKey([1, 2, 3], [4], "lookup"u8, KeyAgreementAlgorithm.X25519, exportable);

        Assert.Equal(first.PublicKey, second.PublicKey);
        Assert.NotEqual(first.PublicKey, other.PublicKey);
        Assert.Equal(
            KeyDerivationAlgorithm.HkdfSha256.DeriveBytes([1, 2, 3], [4], "mailbox"u8, 32),
            first.Export(KeyBlobFormat.RawPrivateKey));
        var pseudorandomKey = KeyDerivationAlgorithm.HkdfSha256.Extract([1, 2, 3], [4]);
        using var expanded = KeyDerivationAlgorithm.HkdfSha256.ExpandKey(pseudorandomKey, "mailbox"u8, KeyAgreementAlgorithm.X25519);
        Assert.Equal(first.PublicKey, expanded.PublicKey);
    }
}
