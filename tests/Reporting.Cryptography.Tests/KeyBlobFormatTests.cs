using System.Text;
using NSec.Cryptography;

namespace Reporting.Cryptography.Tests;

/// <summary>The NSec layouts: a 4-byte big-endian magic, the key size and the output size as 16-bit little-endian, then the key.</summary>
public class KeyBlobFormatTests
{
    private static KeyCreationParameters Exportable() => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    public static TheoryData<string, KeyBlobFormat, string> NSecHeaders => new()
    {
        { "X25519", KeyBlobFormat.NSecPrivateKey, "de6641de20002000" },
        { "X25519", KeyBlobFormat.NSecPublicKey, "de6741de20002000" },
        { "Ed25519", KeyBlobFormat.NSecPrivateKey, "de6442de20004000" },
        { "Ed25519", KeyBlobFormat.NSecPublicKey, "de6542de20004000" },
        { "XChaCha20Poly1305", KeyBlobFormat.NSecSymmetricKey, "de6148de20001000" },
        { "ChaCha20Poly1305", KeyBlobFormat.NSecSymmetricKey, "de6143de20001000" },
    };

    [Theory]
    [MemberData(nameof(NSecHeaders))]
    public void NSec_blobs_carry_NSecs_headers_and_import_back(string algorithmName, KeyBlobFormat format, string header)
    {
        var algorithm = AlgorithmNamed(algorithmName);
        using var key = Key.Create(algorithm, Exportable());

        var blob = key.Export(format);

        Assert.Equal(header, Convert.ToHexString(blob, 0, 8).ToLowerInvariant());
        Assert.Equal(8 + 32, blob.Length);
        if (format == KeyBlobFormat.NSecPublicKey)
        {
            Assert.Equal(key.PublicKey, PublicKey.Import(algorithm, blob, format));
        }
        else
        {
            using var imported = Key.Import(algorithm, blob, format, Exportable());
            Assert.Equal(key.Export(RawFormatOf(algorithm)), imported.Export(RawFormatOf(algorithm)));
        }
    }

    [Theory]
    [InlineData("X25519")]
    [InlineData("Ed25519")]
    public void Pkix_blobs_round_trip_in_binary_and_text(string algorithmName)
    {
        var algorithm = AlgorithmNamed(algorithmName);
        using var key = Key.Create(algorithm, Exportable());

        foreach (var format in new[] { KeyBlobFormat.PkixPrivateKey, KeyBlobFormat.PkixPrivateKeyText })
        {
            using var imported = Key.Import(algorithm, key.Export(format), format, Exportable());
            Assert.Equal(key.PublicKey, imported.PublicKey);
        }

        foreach (var format in new[] { KeyBlobFormat.PkixPublicKey, KeyBlobFormat.PkixPublicKeyText })
        {
            Assert.Equal(key.PublicKey, PublicKey.Import(algorithm, key.PublicKey.Export(format), format));
        }

        var text = Encoding.ASCII.GetString(key.Export(KeyBlobFormat.PkixPrivateKeyText));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ed25519_blobs_carry_the_seed_not_libsodiums_expanded_key()
    {
        var seed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey, Exportable());

        Assert.Equal(seed, key.Export(KeyBlobFormat.RawPrivateKey));
        Assert.Equal(seed, key.Export(KeyBlobFormat.PkixPrivateKey)[16..]);
    }

    [Fact]
    public void A_blob_in_another_format_or_for_another_algorithm_is_refused()
    {
        using var x25519 = Key.Create(KeyAgreementAlgorithm.X25519, Exportable());
        var blob = x25519.Export(KeyBlobFormat.NSecPrivateKey);

        Assert.Throws<FormatException>(() => Key.Import(SignatureAlgorithm.Ed25519, blob, KeyBlobFormat.NSecPrivateKey));
        Assert.Throws<FormatException>(() => Key.Import(KeyAgreementAlgorithm.X25519, blob, KeyBlobFormat.PkixPrivateKey));
        Assert.False(Key.TryImport(KeyAgreementAlgorithm.X25519, blob[..^1], KeyBlobFormat.NSecPrivateKey, out var none));
        Assert.Null(none);
    }

    [Fact]
    public void A_format_the_algorithm_does_not_have_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => Key.Import(AeadAlgorithm.XChaCha20Poly1305, new byte[32], KeyBlobFormat.RawPrivateKey));
        Assert.Throws<ArgumentException>(() => Key.Import(KeyAgreementAlgorithm.X25519, new byte[32], KeyBlobFormat.RawSymmetricKey));
        Assert.Throws<ArgumentException>(() => Key.Import(KeyAgreementAlgorithm.X25519, new byte[32], KeyBlobFormat.RawPublicKey));
        Assert.Throws<ArgumentException>(() => PublicKey.Import(KeyAgreementAlgorithm.X25519, new byte[32], KeyBlobFormat.RawPrivateKey));
    }

    private static Algorithm AlgorithmNamed(string name) => name switch
    {
        "X25519" => KeyAgreementAlgorithm.X25519,
        "Ed25519" => SignatureAlgorithm.Ed25519,
        "XChaCha20Poly1305" => AeadAlgorithm.XChaCha20Poly1305,
        _ => AeadAlgorithm.ChaCha20Poly1305,
    };

    private static KeyBlobFormat RawFormatOf(Algorithm algorithm) =>
        algorithm is AeadAlgorithm ? KeyBlobFormat.RawSymmetricKey : KeyBlobFormat.RawPrivateKey;
}
