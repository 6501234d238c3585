using System.Security.Cryptography;
using NSec.Cryptography;

namespace Reporting.Envelopes.Benchmarks;

/// <summary>
/// The baseline: the same report envelope (fields under XChaCha20-Poly1305 with one data key, the data key sealed with
/// HPKE base mode, X25519 / HKDF-SHA256 / ChaCha20-Poly1305, version byte as associated data) written as straight NSec
/// calls into stack buffers, with no types, dictionaries or checks of ours in between.
/// </summary>
internal static class DirectNSec
{
    private static readonly AeadAlgorithm Fields = AeadAlgorithm.XChaCha20Poly1305;
    private static readonly AeadAlgorithm Wrap = AeadAlgorithm.ChaCha20Poly1305;
    private static readonly HkdfSha256 Kdf = KeyDerivationAlgorithm.HkdfSha256;
    private static readonly byte[] KemPrefix = [.. "HPKE-v1"u8, .. "KEM"u8, 0x00, 0x20];
    private static readonly byte[] HpkePrefix = [.. "HPKE-v1"u8, .. "HPKE"u8, 0x00, 0x20, 0x00, 0x01, 0x00, 0x03];

    public static (byte[] SealedDataKey, byte[][] Fields) Seal(PublicKey office, ReadOnlySpan<byte> info, byte[][] associatedData, byte[][] plaintexts)
    {
        Span<byte> dataKeyBytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(dataKeyBytes);
        using var dataKey = Key.Import(Fields, dataKeyBytes, KeyBlobFormat.RawSymmetricKey);
        var sealedFields = new byte[plaintexts.Length][];
        for (var i = 0; i < plaintexts.Length; i++)
        {
            var sealedField = new byte[24 + plaintexts[i].Length + 16];
            RandomNumberGenerator.Fill(sealedField.AsSpan(0, 24));
            Fields.Encrypt(dataKey, sealedField.AsSpan(0, 24), associatedData[i], plaintexts[i], sealedField.AsSpan(24));
            sealedFields[i] = sealedField;
        }

        using var ephemeral = Key.Create(KeyAgreementAlgorithm.X25519);
        var envelope = new byte[1 + 32 + 32 + 16];
        envelope[0] = 0x01;
        ephemeral.PublicKey.TryExport(KeyBlobFormat.RawPublicKey, envelope.AsSpan(1, 32), out _);
        Span<byte> recipient = stackalloc byte[32];
        office.TryExport(KeyBlobFormat.RawPublicKey, recipient, out _);
        using var wrapKey = KeySchedule(ephemeral, office, envelope.AsSpan(1, 32), recipient, info, out var nonce);
        Wrap.Encrypt(wrapKey, nonce, envelope.AsSpan(0, 1), dataKeyBytes, envelope.AsSpan(33));
        CryptographicOperations.ZeroMemory(dataKeyBytes);
        return (envelope, sealedFields);
    }

    public static byte[]?[] Open(Key office, ReadOnlySpan<byte> info, byte[] sealedDataKey, byte[][] associatedData, byte[][] sealedFields)
    {
        var ephemeral = PublicKey.Import(KeyAgreementAlgorithm.X25519, sealedDataKey.AsSpan(1, 32), KeyBlobFormat.RawPublicKey);
        Span<byte> recipient = stackalloc byte[32];
        office.PublicKey.TryExport(KeyBlobFormat.RawPublicKey, recipient, out _);
        using var wrapKey = KeySchedule(office, ephemeral, sealedDataKey.AsSpan(1, 32), recipient, info, out var nonce);
        Span<byte> dataKeyBytes = stackalloc byte[32];
        Wrap.Decrypt(wrapKey, nonce, sealedDataKey.AsSpan(0, 1), sealedDataKey.AsSpan(33), dataKeyBytes);
        using var dataKey = Key.Import(Fields, dataKeyBytes, KeyBlobFormat.RawSymmetricKey);
        CryptographicOperations.ZeroMemory(dataKeyBytes);
        var opened = new byte[]?[sealedFields.Length];
        for (var i = 0; i < sealedFields.Length; i++)
            opened[i] = Fields.Decrypt(dataKey, sealedFields[i].AsSpan(0, 24), associatedData[i], sealedFields[i].AsSpan(24));
        return opened;
    }

    private static Key KeySchedule(Key privateKey, PublicKey publicKey, ReadOnlySpan<byte> enc, ReadOnlySpan<byte> recipient, ReadOnlySpan<byte> info, out byte[] nonce)
    {
        using var dh = KeyAgreementAlgorithm.X25519.Agree(privateKey, publicKey, new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport })!;
        Span<byte> dhBytes = stackalloc byte[32];
        dh.TryExport(SharedSecretBlobFormat.RawSharedSecret, dhBytes, out _);
        Span<byte> prk = stackalloc byte[32];
        Kdf.Extract([.. KemPrefix, .. "eae_prk"u8, .. dhBytes], [], prk);
        Span<byte> sharedSecret = stackalloc byte[32];
        Kdf.Expand(prk, [0x00, 0x20, .. KemPrefix, .. "shared_secret"u8, .. enc, .. recipient], sharedSecret);

        Span<byte> context = stackalloc byte[65];
        context[0] = 0x00;
        Kdf.Extract([.. HpkePrefix, .. "psk_id_hash"u8], [], context.Slice(1, 32));
        Kdf.Extract([.. HpkePrefix, .. "info_hash"u8, .. info], [], context.Slice(33, 32));
        Kdf.Extract([.. HpkePrefix, .. "secret"u8], sharedSecret, prk);
        Span<byte> key = stackalloc byte[32];
        Kdf.Expand(prk, [0x00, 0x20, .. HpkePrefix, .. "key"u8, .. context], key);
        nonce = new byte[12];
        Kdf.Expand(prk, [0x00, 0x0c, .. HpkePrefix, .. "base_nonce"u8, .. context], nonce);
        var wrapKey = Key.Import(Wrap, key, KeyBlobFormat.RawSymmetricKey);
        CryptographicOperations.ZeroMemory(dhBytes);
        CryptographicOperations.ZeroMemory(key);
        return wrapKey;
    }
}
