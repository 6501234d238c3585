using System.Diagnostics.CodeAnalysis;
using System.Buffers.Binary;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Reporting.Cryptography.Hpke;

/// <summary>
/// HPKE (RFC 9180) in base mode for the one suite we use: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305,
/// each primitive NSec's. Only what the single-shot seal and open need (no PSK or auth modes, no exporter), so that
/// there is little to get wrong; the RFC's Appendix A.2 vectors and @hpke/core under Node check it.
/// </summary>
public static class HpkeBaseMode
{
    public const ushort KemId = 0x0020;
    public const ushort KdfId = 0x0001;
    public const ushort AeadId = 0x0003;

    /// <summary>The encapsulated key: the sender's ephemeral X25519 public key.</summary>
    public const int EncapsulatedKeySize = 32;

    private const int SecretSize = 32; // Nsecret and Nh of HKDF-SHA256
    private const byte ModeBase = 0x00;

    private static readonly KeyAgreementAlgorithm Dh = KeyAgreementAlgorithm.X25519;
    private static readonly HkdfSha256 Kdf = KeyDerivationAlgorithm.HkdfSha256;
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.ChaCha20Poly1305;

    private static readonly byte[] KemSuiteId = [.. "KEM"u8, .. Id(KemId)];
    private static readonly byte[] HpkeSuiteId = [.. "HPKE"u8, .. Id(KemId), .. Id(KdfId), .. Id(AeadId)];

    public static int TagSize => Aead.TagSize;

    /// <summary>Encrypts to <paramref name="recipient"/> with a fresh ephemeral key: SealBase of RFC 9180 §6.1.</summary>
    public static (byte[] Enc, byte[] Ciphertext) Seal(PublicKey recipient, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        using var ephemeral = Key.Create(Dh);
        return Seal(recipient, ephemeral, info, aad, plaintext);
    }

    /// <summary>As <see cref="Seal(PublicKey, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> with a given ephemeral key, for the RFC's vectors.</summary>
    internal static (byte[] Enc, byte[] Ciphertext) Seal(PublicKey recipient, Key ephemeral, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (recipient.Algorithm != Dh)
            throw new ArgumentException("HPKE seals to an X25519 public key.", nameof(recipient));
        var enc = ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        using var context = KeySchedule(Encapsulate(ephemeral, recipient, enc), info);
        return (enc, context.Seal(0, aad, plaintext));
    }

    /// <summary>OpenBase of RFC 9180 §6.1; false when the ciphertext was not sealed to this key with this info and aad, or was altered.</summary>
    public static bool TryOpen(Key recipient, ReadOnlySpan<byte> enc, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext, [NotNullWhen(true)] out byte[]? plaintext)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        plaintext = null;
        if (recipient.Algorithm != Dh || enc.Length != EncapsulatedKeySize
            || !PublicKey.TryImport(Dh, enc, KeyBlobFormat.RawPublicKey, out var ephemeral) || ephemeral is null)
            return false;
        var sharedSecret = Decapsulate(recipient, ephemeral, enc);
        if (sharedSecret is null)
            return false;
        using var context = KeySchedule(sharedSecret, info);
        return context.TryOpen(0, aad, ciphertext, out plaintext);
    }

    /// <summary>The key schedule's outputs for the base mode (RFC 9180 §5.1), exposed for the RFC's vectors.</summary>
    internal static Context KeySchedule(byte[] sharedSecret, ReadOnlySpan<byte> info)
    {
        try
        {
            Span<byte> pskIdHash = stackalloc byte[SecretSize];
            Span<byte> infoHash = stackalloc byte[SecretSize];
            LabeledExtract(HpkeSuiteId, [], "psk_id_hash"u8, [], pskIdHash);
            LabeledExtract(HpkeSuiteId, [], "info_hash"u8, info, infoHash);
            byte[] keyScheduleContext = [ModeBase, .. pskIdHash, .. infoHash];

            Span<byte> secret = stackalloc byte[SecretSize];
            LabeledExtract(HpkeSuiteId, sharedSecret, "secret"u8, [], secret);
            var key = new byte[Aead.KeySize];
            var baseNonce = new byte[Aead.NonceSize];
            LabeledExpand(HpkeSuiteId, secret, "key"u8, keyScheduleContext, key);
            LabeledExpand(HpkeSuiteId, secret, "base_nonce"u8, keyScheduleContext, baseNonce);
            CryptographicOperations.ZeroMemory(secret);
            return new Context(key, baseNonce);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sharedSecret);
        }
    }

    /// <summary>Encap of DHKEM (RFC 9180 §4.1): the KEM shared secret for a given ephemeral key.</summary>
    private static byte[] Encapsulate(Key ephemeral, PublicKey recipient, byte[] enc) =>
        ExtractAndExpand(ephemeral, recipient, [.. enc, .. recipient.Export(KeyBlobFormat.RawPublicKey)])
        ?? throw new ArgumentException("Nothing can be sealed to a low-order X25519 point.", nameof(recipient));

    private static byte[]? Decapsulate(Key recipient, PublicKey ephemeral, ReadOnlySpan<byte> enc) =>
        ExtractAndExpand(recipient, ephemeral, [.. enc, .. recipient.PublicKey.Export(KeyBlobFormat.RawPublicKey)]);

    /// <returns>Null when the DH output is all zeros (a low-order point), which RFC 9180 §7.1.4 requires to be refused.</returns>
    private static byte[]? ExtractAndExpand(Key privateKey, PublicKey publicKey, ReadOnlySpan<byte> kemContext)
    {
        // The DH output has to enter HKDF with the labels in front of it, which NSec's SharedSecret-taking Extract
        // cannot do, so it is exported once, into memory zeroed right after.
        using var dh = Dh.Agree(privateKey, publicKey, new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        if (dh is null)
            return null;
        Span<byte> dhBytes = stackalloc byte[Dh.SharedSecretSize];
        Span<byte> eaePrk = stackalloc byte[SecretSize];
        try
        {
            if (!dh.TryExport(SharedSecretBlobFormat.RawSharedSecret, dhBytes, out _))
                return null;
            LabeledExtract(KemSuiteId, [], "eae_prk"u8, dhBytes, eaePrk);
            var sharedSecret = new byte[SecretSize];
            LabeledExpand(KemSuiteId, eaePrk, "shared_secret"u8, kemContext, sharedSecret);
            return sharedSecret;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dhBytes);
            CryptographicOperations.ZeroMemory(eaePrk);
        }
    }

    private static void LabeledExtract(byte[] suiteId, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> label, ReadOnlySpan<byte> ikm, Span<byte> prk)
    {
        byte[] labeledIkm = [.. "HPKE-v1"u8, .. suiteId, .. label, .. ikm];
        try
        {
            Kdf.Extract(labeledIkm, salt, prk);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(labeledIkm);
        }
    }

    private static void LabeledExpand(byte[] suiteId, ReadOnlySpan<byte> prk, ReadOnlySpan<byte> label, ReadOnlySpan<byte> info, Span<byte> output) =>
        Kdf.Expand(prk, [.. Id(checked((ushort)output.Length)), .. "HPKE-v1"u8, .. suiteId, .. label, .. info], output);

    private static byte[] Id(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>An encryption context (RFC 9180 §5.2): the AEAD key and base nonce, and nonces per sequence number.</summary>
    internal sealed class Context : IDisposable
    {
        private readonly Key _key;

        internal Context(byte[] key, byte[] baseNonce)
        {
            KeyBytes = key;
            BaseNonce = baseNonce;
            _key = Key.Import(Aead, key, KeyBlobFormat.RawSymmetricKey);
        }

        internal byte[] KeyBytes { get; }

        internal byte[] BaseNonce { get; }

        internal byte[] Seal(ulong sequence, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext) =>
            Aead.Encrypt(_key, Nonce(sequence), aad, plaintext);

        internal bool TryOpen(ulong sequence, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext, [NotNullWhen(true)] out byte[]? plaintext)
        {
            plaintext = Aead.Decrypt(_key, Nonce(sequence), aad, ciphertext);
            return plaintext is not null;
        }

        public void Dispose()
        {
            _key.Dispose();
            CryptographicOperations.ZeroMemory(KeyBytes);
        }

        private byte[] Nonce(ulong sequence)
        {
            var nonce = (byte[])BaseNonce.Clone();
            Span<byte> counter = stackalloc byte[sizeof(ulong)];
            BinaryPrimitives.WriteUInt64BigEndian(counter, sequence);
            for (var i = 0; i < counter.Length; i++)
                nonce[nonce.Length - counter.Length + i] ^= counter[i];
            return nonce;
        }
    }
}
