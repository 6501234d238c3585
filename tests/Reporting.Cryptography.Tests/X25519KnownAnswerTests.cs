using NSec.Cryptography;

namespace Reporting.Cryptography.Tests;

/// <summary>RFC 7748 known answers, taken from the RFC's text.</summary>
public class X25519KnownAnswerTests
{
    private static readonly KeyAgreementAlgorithm X25519 = KeyAgreementAlgorithm.X25519;

    [Theory]
    // RFC 7748 §5.2, first and second test vectors (the second u has its top bit set, which X25519 ignores).
    [InlineData(
        "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
        "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
        "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552")]
    [InlineData(
        "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
        "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
        "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957")]
    public void Rfc7748_section_5_2_scalar_multiplication(string scalar, string u, string expected)
    {
        Assert.Equal(expected, Multiply(Convert.FromHexString(scalar), Convert.FromHexString(u)));
    }

    [Fact]
    public void Rfc7748_section_5_2_iterated_to_1_and_1000()
    {
        // k = u = 9; then k, u = X25519(k, u), k.
        var k = new byte[32];
        k[0] = 9;
        var u = (byte[])k.Clone();
        var results = new Dictionary<int, string>();
        for (var iteration = 1; iteration <= 1000; iteration++)
        {
            var next = Convert.FromHexString(Multiply(k, u));
            u = k;
            k = next;
            results[iteration] = Convert.ToHexString(k).ToLowerInvariant();
        }

        Assert.Equal("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", results[1]);
        Assert.Equal("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51", results[1000]);
    }

    [Fact]
    public void Rfc7748_section_6_1_Diffie_Hellman()
    {
        using var alice = Key.Import(X25519, Convert.FromHexString("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"), KeyBlobFormat.RawPrivateKey);
        using var bob = Key.Import(X25519, Convert.FromHexString("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"), KeyBlobFormat.RawPrivateKey);

        Assert.Equal("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", Hex(alice.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        Assert.Equal("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", Hex(bob.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        const string shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        Assert.Equal(shared, SharedBytes(X25519.Agree(alice, bob.PublicKey, Exportable())));
        Assert.Equal(shared, SharedBytes(X25519.Agree(bob, alice.PublicKey, Exportable())));
    }

    [Theory]
    // The points of small order, and their non-canonical encodings, that make the shared secret all zeros.
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")]
    [InlineData("5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157")]
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000080")]
    public void A_low_order_point_gives_no_shared_secret(string point)
    {
        using var key = Key.Create(X25519);
        var lowOrder = PublicKey.Import(X25519, Convert.FromHexString(point), KeyBlobFormat.RawPublicKey);

        Assert.Null(X25519.Agree(key, lowOrder));
    }

    private static string Multiply(byte[] scalar, byte[] u)
    {
        using var key = Key.Import(X25519, scalar, KeyBlobFormat.RawPrivateKey);
        return SharedBytes(X25519.Agree(key, PublicKey.Import(X25519, u, KeyBlobFormat.RawPublicKey), Exportable()));
    }

    private static string SharedBytes(SharedSecret? secret)
    {
        Assert.NotNull(secret);
        using (secret)
        {
            return Hex(secret.Export(SharedSecretBlobFormat.RawSharedSecret));
        }
    }

    // NSec lets a shared secret be exported only when asked to at creation; these tests compare its bytes.
    private static SharedSecretCreationParameters Exportable() => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
