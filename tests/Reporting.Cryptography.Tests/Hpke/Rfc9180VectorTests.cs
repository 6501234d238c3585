using System.Text.Json;
using NSec.Cryptography;
using Reporting.Cryptography.Hpke;

namespace Reporting.Cryptography.Tests;

/// <summary>
/// RFC 9180 Appendix A.2.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, base mode, from the data file
/// next to this one (its <c>source</c> says where it was read).
/// </summary>
public class Rfc9180VectorTests
{
    private static readonly JsonElement Vector = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hpke", "rfc9180-a2-1-base.json"))).RootElement;

    [Fact]
    public void The_vector_is_for_our_suite_in_base_mode()
    {
        Assert.Equal(0, Vector.GetProperty("mode").GetInt32());
        Assert.Equal(HpkeBaseMode.KemId, Vector.GetProperty("kem_id").GetInt32());
        Assert.Equal(HpkeBaseMode.KdfId, Vector.GetProperty("kdf_id").GetInt32());
        Assert.Equal(HpkeBaseMode.AeadId, Vector.GetProperty("aead_id").GetInt32());
    }

    [Fact]
    public void Sealing_with_the_vectors_ephemeral_key_gives_its_enc_and_first_ciphertext()
    {
        using var ephemeral = Import(Vector, "skEm");
        using var recipient = Import(Vector, "skRm");
        var first = Vector.GetProperty("encryptions")[0];
        Assert.Equal(0, first.GetProperty("sequence_number").GetInt32());

        var (enc, ciphertext) = HpkeBaseMode.Seal(recipient.PublicKey, ephemeral, Bytes(Vector, "info"), Bytes(first, "aad"), Bytes(first, "pt"));

        Assert.Equal(Hex(Vector, "pkEm"), Convert.ToHexStringLower(ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        Assert.Equal(Hex(Vector, "pkRm"), Convert.ToHexStringLower(recipient.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        Assert.Equal(Hex(Vector, "enc"), Convert.ToHexStringLower(enc));
        Assert.Equal(Hex(first, "ct"), Convert.ToHexStringLower(ciphertext));
    }

    [Fact]
    public void The_recipient_opens_the_vectors_first_ciphertext_and_refuses_it_altered()
    {
        using var recipient = Import(Vector, "skRm");
        var first = Vector.GetProperty("encryptions")[0];
        var ciphertext = Bytes(first, "ct");

        Assert.True(HpkeBaseMode.TryOpen(recipient, Bytes(Vector, "enc"), Bytes(Vector, "info"), Bytes(first, "aad"), ciphertext, out var plaintext));
        Assert.Equal(Hex(first, "pt"), Convert.ToHexStringLower(plaintext));
        ciphertext[^1] ^= 1;
        Assert.False(HpkeBaseMode.TryOpen(recipient, Bytes(Vector, "enc"), Bytes(Vector, "info"), Bytes(first, "aad"), ciphertext, out _));
    }

    [Fact]
    public void The_key_schedule_gives_the_vectors_key_and_base_nonce_and_every_ciphertext_by_sequence_number()
    {
        using var context = HpkeBaseMode.KeySchedule(Bytes(Vector, "shared_secret"), Bytes(Vector, "info"));

        Assert.Equal(Hex(Vector, "key"), Convert.ToHexStringLower(context.KeyBytes));
        Assert.Equal(Hex(Vector, "base_nonce"), Convert.ToHexStringLower(context.BaseNonce));
        var encryptions = Vector.GetProperty("encryptions").EnumerateArray().ToArray();
        Assert.True(encryptions.Length >= 6);
        foreach (var encryption in encryptions)
        {
            var sequence = encryption.GetProperty("sequence_number").GetUInt64();
            Assert.Equal(Hex(encryption, "ct"), Convert.ToHexStringLower(context.Seal(sequence, Bytes(encryption, "aad"), Bytes(encryption, "pt"))));
            Assert.True(context.TryOpen(sequence, Bytes(encryption, "aad"), Bytes(encryption, "ct"), out var plaintext));
            Assert.Equal(Hex(encryption, "pt"), Convert.ToHexStringLower(plaintext));
        }
    }

    private static Key Import(JsonElement element, string name) =>
        Key.Import(KeyAgreementAlgorithm.X25519, Bytes(element, name), KeyBlobFormat.RawPrivateKey);

    private static string Hex(JsonElement element, string name) => element.GetProperty(name).GetString()!.ToLowerInvariant();

    private static byte[] Bytes(JsonElement element, string name) => Convert.FromHexString(Hex(element, name));
}
