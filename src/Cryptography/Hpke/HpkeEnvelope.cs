using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Reporting.Cryptography.Hpke;

/// <summary>
/// What we store when something is sealed to a public key: <c>version ‖ enc ‖ ciphertext</c>. Version 1 is HPKE base
/// mode with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305; the version byte is also the AEAD's
/// associated data, so a changed version byte fails to open instead of being read under another format. A later
/// suite gets a new version, and old envelopes keep opening under theirs.
/// </summary>
public static class HpkeEnvelope
{
    public const byte Version1 = 0x01;

    /// <summary>Bytes an envelope adds to what it seals.</summary>
    public static int Overhead => 1 + HpkeBaseMode.EncapsulatedKeySize + HpkeBaseMode.TagSize;

    /// <param name="info">Names what the envelope is for (RFC 9180 §8.1's application context), so an envelope made for one purpose never opens as another.</param>
    public static byte[] Seal(PublicKey recipient, ReadOnlySpan<byte> info, ReadOnlySpan<byte> plaintext)
    {
        var (enc, ciphertext) = HpkeBaseMode.Seal(recipient, info, [Version1], plaintext);
        return [Version1, .. enc, .. ciphertext];
    }

    /// <returns>False when the envelope is of an unknown version, not sealed to this key for this purpose, or altered.</returns>
    public static bool TryOpen(Key recipient, ReadOnlySpan<byte> info, ReadOnlySpan<byte> envelope, [NotNullWhen(true)] out byte[]? plaintext)
    {
        plaintext = null;
        if (envelope.Length < Overhead || envelope[0] != Version1)
            return false;
        var enc = envelope.Slice(1, HpkeBaseMode.EncapsulatedKeySize);
        return HpkeBaseMode.TryOpen(recipient, enc, info, envelope[..1], envelope[(1 + HpkeBaseMode.EncapsulatedKeySize)..], out plaintext);
    }
}
