using Reporting.Sodium.Interop;
using static Reporting.Sodium.Interop.Libsodium;

namespace Reporting.Sodium.Cryptography;

/// <summary>X25519 key agreement (RFC 7748). Private keys are the 32-byte scalar; libsodium clamps it on use.</summary>
public sealed class X25519 : KeyAgreementAlgorithm
{
    private const byte ScalarBytes = crypto_scalarmult_curve25519_SCALARBYTES;
    private const byte PointBytes = crypto_scalarmult_curve25519_BYTES;

    internal X25519()
        : base(ScalarBytes, PointBytes, PointBytes)
    {
    }

    internal override byte[] NSecPrivateBlobHeader => [0xDE, 0x66, 0x41, 0xDE, ScalarBytes, 0, PointBytes, 0];

    internal override byte[] NSecPublicBlobHeader => [0xDE, 0x67, 0x41, 0xDE, ScalarBytes, 0, PointBytes, 0];

    // RFC 8410: PrivateKeyInfo and SubjectPublicKeyInfo with the id-X25519 object identifier 1.3.101.110.
    internal override byte[] PkixPrivateBlobHeader => [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x6E, 0x04, 0x22, 0x04, 0x20];

    internal override byte[] PkixPublicBlobHeader => [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x6E, 0x03, 0x21, 0x00];

    internal override unsafe SecureMemoryHandle CreateKey(ReadOnlySpan<byte> seed, out PublicKey? publicKey)
    {
        var secret = SecureMemoryHandle.CopyOf(seed);
        var point = new byte[PointBytes];
        using (var lease = secret.Lease())
        fixed (byte* q = point)
        {
            crypto_scalarmult_curve25519_base(q, lease.Pointer);
        }

        publicKey = new PublicKey(this, point);
        return secret;
    }

    private protected override unsafe SharedSecret? AgreeCore(Key key, PublicKey otherPartyPublicKey)
    {
        using var lease = key.Lease(this);
        var shared = SecureMemoryHandle.Allocate(PointBytes);
        int result;
        using (var output = shared.Lease())
        fixed (byte* p = otherPartyPublicKey.Bytes)
        {
            result = crypto_scalarmult_curve25519(output.Pointer, lease.Pointer, p);
        }

        if (result != 0)
        {
            shared.Dispose();
            return null;
        }

        return new SharedSecret(shared);
    }
}
