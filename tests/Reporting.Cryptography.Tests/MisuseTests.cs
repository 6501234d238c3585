using System.Text;
using NSec.Cryptography;

namespace Reporting.Cryptography.Tests;

public class MisuseTests
{
    public static TheoryData<string> Aeads => ["XChaCha20Poly1305", "ChaCha20Poly1305"];

    [Theory]
    [MemberData(nameof(Aeads))]
    public void Tampered_ciphertext_tag_nonce_or_associated_data_decrypts_to_nothing(string name)
    {
        var aead = AeadNamed(name);
        using var key = Key.Create(aead);
        var nonce = new byte[aead.NonceSize];
        var ciphertext = aead.Encrypt(key, nonce, "case-1/content"u8, "plaintext"u8);

        var tamperedBody = (byte[])ciphertext.Clone();
        tamperedBody[0] ^= 1;
        var tamperedTag = (byte[])ciphertext.Clone();
        tamperedTag[^1] ^= 1;
        var otherNonce = (byte[])nonce.Clone();
        otherNonce[^1] = 1;

        Assert.Null(aead.Decrypt(key, nonce, "case-1/content"u8, tamperedBody));
        Assert.Null(aead.Decrypt(key, nonce, "case-1/content"u8, tamperedTag));
        Assert.Null(aead.Decrypt(key, otherNonce, "case-1/content"u8, ciphertext));
        Assert.Null(aead.Decrypt(key, nonce, "case-2/content"u8, ciphertext));
        Assert.Null(aead.Decrypt(key, nonce, "case-1/content"u8, ciphertext[..(aead.TagSize - 1)]));
        using var otherKey = Key.Create(aead);
        Assert.Null(aead.Decrypt(otherKey, nonce, "case-1/content"u8, ciphertext));
    }

    [Theory]
    [MemberData(nameof(Aeads))]
    public void A_failed_decryption_into_a_buffer_leaves_it_zeroed(string name)
    {
        var aead = AeadNamed(name);
        using var key = Key.Create(aead);
        var nonce = new byte[aead.NonceSize];
        var ciphertext = aead.Encrypt(key, nonce, [], "secret"u8);
        ciphertext[^1] ^= 1;
        var plaintext = Enumerable.Repeat((byte)0xAA, 6).ToArray();

        Assert.False(aead.Decrypt(key, nonce, [], ciphertext, plaintext));
        Assert.All(plaintext, b => Assert.Equal(0, b));
    }

    [Theory]
    [MemberData(nameof(Aeads))]
    public void Wrong_key_lengths_are_refused_and_a_wrong_nonce_opens_nothing(string name)
    {
        var aead = AeadNamed(name);
        using var key = Key.Create(aead);

        Assert.Throws<FormatException>(() => Key.Import(aead, new byte[aead.KeySize - 1], KeyBlobFormat.RawSymmetricKey));
        Assert.Throws<FormatException>(() => Key.Import(aead, new byte[aead.KeySize + 1], KeyBlobFormat.RawSymmetricKey));
        Assert.Throws<ArgumentException>(() => aead.Encrypt(key, new byte[aead.NonceSize - 1], [], [1]));
        Assert.Null(aead.Decrypt(key, new byte[aead.NonceSize + 1], [], new byte[20]));
        Assert.Null(aead.Decrypt(key, new byte[aead.NonceSize + 1], [], new byte[3]));
    }

    [Fact]
    public void Wrong_public_and_private_key_lengths_are_format_errors()
    {
        Assert.Throws<FormatException>(() => Key.Import(KeyAgreementAlgorithm.X25519, new byte[31], KeyBlobFormat.RawPrivateKey));
        Assert.Throws<FormatException>(() => Key.Import(SignatureAlgorithm.Ed25519, new byte[64], KeyBlobFormat.RawPrivateKey));
        Assert.Throws<FormatException>(() => PublicKey.Import(KeyAgreementAlgorithm.X25519, new byte[33], KeyBlobFormat.RawPublicKey));
        Assert.Throws<FormatException>(() => PublicKey.Import(SignatureAlgorithm.Ed25519, new byte[31], KeyBlobFormat.RawPublicKey));
    }

    [Fact]
    public void A_key_of_another_algorithm_is_an_argument_error()
    {
        using var xchachaKey = Key.Create(AeadAlgorithm.XChaCha20Poly1305);
        using var x25519Key = Key.Create(KeyAgreementAlgorithm.X25519);
        using var ed25519Key = Key.Create(SignatureAlgorithm.Ed25519);

        Assert.Throws<ArgumentException>(() => AeadAlgorithm.ChaCha20Poly1305.Encrypt(xchachaKey, new byte[12], [], [1]));
        Assert.Throws<ArgumentException>(() => SignatureAlgorithm.Ed25519.Sign(x25519Key, [1]));
        Assert.Throws<ArgumentException>(() => SignatureAlgorithm.Ed25519.Verify(x25519Key.PublicKey, [1], new byte[64]));
        Assert.Throws<ArgumentException>(() => KeyAgreementAlgorithm.X25519.Agree(x25519Key, ed25519Key.PublicKey));
    }

    [Fact]
    public void A_tampered_or_misplaced_signature_does_not_verify()
    {
        var ed25519 = SignatureAlgorithm.Ed25519;
        using var key = Key.Create(ed25519);
        using var otherKey = Key.Create(ed25519);
        var notice = "公告 2026-001"u8.ToArray();
        var signature = ed25519.Sign(key, notice);

        var tamperedSignature = (byte[])signature.Clone();
        tamperedSignature[10] ^= 1;
        var tamperedNotice = (byte[])notice.Clone();
        tamperedNotice[0] ^= 1;

        Assert.True(ed25519.Verify(key.PublicKey, notice, signature));
        Assert.False(ed25519.Verify(key.PublicKey, notice, tamperedSignature));
        Assert.False(ed25519.Verify(key.PublicKey, tamperedNotice, signature));
        Assert.False(ed25519.Verify(otherKey.PublicKey, notice, signature));
        Assert.False(ed25519.Verify(key.PublicKey, notice, signature[..63]));
        Assert.False(ed25519.Verify(key.PublicKey, notice, new byte[64]));
    }

    [Fact]
    public void Argon2id_refuses_parameters_libsodium_cannot_honour()
    {
        Assert.Throws<ArgumentException>(() => PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 4, MemorySize = 65536, NumberOfPasses = 3 }));
        Assert.Throws<ArgumentException>(() => PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 4, NumberOfPasses = 3 }));
        Assert.Throws<ArgumentException>(() => PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 65536, NumberOfPasses = 0 }));
        var argon2id = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 64, NumberOfPasses = 1 });
        Assert.Throws<ArgumentException>(() => argon2id.DeriveBytes("pw", new byte[8], 32));
    }

    [Fact]
    public void Errors_about_secret_blobs_do_not_repeat_the_blob()
    {
        var secret = Convert.FromHexString("de6641de20002000" + "00112233445566778899aabbccddeeff00112233445566778899aabbccddee");

        var error = Assert.Throws<FormatException>(() => Key.Import(KeyAgreementAlgorithm.X25519, secret, KeyBlobFormat.NSecPrivateKey));

        Assert.DoesNotContain("00112233", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(secret)[..8], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Encoding.Latin1.GetString(secret[8..16]), error.Message, StringComparison.Ordinal);
    }

    private static AeadAlgorithm AeadNamed(string name) =>
        name == "XChaCha20Poly1305" ? AeadAlgorithm.XChaCha20Poly1305 : AeadAlgorithm.ChaCha20Poly1305;
}
