using Reporting.Sodium.Interop;
using static Reporting.Sodium.Interop.Libsodium;

namespace Reporting.Sodium.Cryptography;

/// <summary>
/// Ed25519 signatures (RFC 8032). Blobs carry the 32-byte seed; in memory the key is libsodium's 64-byte
/// secret key (seed and public key), which signing needs.
/// </summary>
public sealed class Ed25519 : SignatureAlgorithm
{
    private const byte SeedBytes = crypto_sign_ed25519_SEEDBYTES;
    private const byte SignatureBytes = crypto_sign_ed25519_BYTES;

    internal Ed25519()
        : base(SeedBytes, crypto_sign_ed25519_PUBLICKEYBYTES, SignatureBytes)
    {
    }

    internal override byte[] NSecPrivateBlobHeader => [0xDE, 0x64, 0x42, 0xDE, SeedBytes, 0, SignatureBytes, 0];

    internal override byte[] NSecPublicBlobHeader => [0xDE, 0x65, 0x42, 0xDE, crypto_sign_ed25519_PUBLICKEYBYTES, 0, SignatureBytes, 0];

    // RFC 8410: PrivateKeyInfo and SubjectPublicKeyInfo with the id-Ed25519 object identifier 1.3.101.112.
    internal override byte[] PkixPrivateBlobHeader => [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

    internal override byte[] PkixPublicBlobHeader => [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00];

    internal override unsafe SecureMemoryHandle CreateKey(ReadOnlySpan<byte> seed, out PublicKey? publicKey)
    {
        var secret = SecureMemoryHandle.Allocate(crypto_sign_ed25519_SECRETKEYBYTES);
        var point = new byte[crypto_sign_ed25519_PUBLICKEYBYTES];
        using (var lease = secret.Lease())
        fixed (byte* s = seed, pk = point)
        {
            crypto_sign_ed25519_seed_keypair(pk, lease.Pointer, s);
        }

        publicKey = new PublicKey(this, point);
        return secret;
    }

    private protected override unsafe void SignCore(Key key, ReadOnlySpan<byte> data, Span<byte> signature)
    {
        using var lease = key.Lease(this);
        fixed (byte* m = data, sig = signature)
        {
            crypto_sign_ed25519_detached(sig, null, m, (ulong)data.Length, lease.Pointer);
        }
    }

    private protected override unsafe bool VerifyCore(PublicKey publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        fixed (byte* m = data, sig = signature, pk = publicKey.Bytes)
        {
            return crypto_sign_ed25519_verify_detached(sig, m, (ulong)data.Length, pk) == 0;
        }
    }
}
