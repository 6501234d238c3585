using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Reporting.Sodium.Cryptography;
using static Reporting.Sodium.Interop.Libsodium;

namespace Reporting.Sodium.Primitives;

/// <summary>
/// Anonymous public-key encryption (<c>crypto_box_seal</c>): a fresh ephemeral X25519 key per message, so the
/// sender needs no key of its own and cannot open what it sealed.
/// </summary>
public static class SealedBox
{
    public const int Overhead = crypto_box_SEALBYTES;

    /// <exception cref="ArgumentException">The recipient is not an X25519 key, or is a low-order point.</exception>
    public static unsafe byte[] Seal(ReadOnlySpan<byte> plaintext, PublicKey recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        recipient.EnsureAlgorithm(KeyAgreementAlgorithm.X25519, nameof(recipient));
        var ciphertext = new byte[checked(plaintext.Length + Overhead)];
        int result;
        fixed (byte* c = ciphertext, m = plaintext, pk = recipient.Bytes)
        {
            result = crypto_box_seal(c, m, (ulong)plaintext.Length, pk);
        }

        if (result != 0)
        {
            throw new ArgumentException("Nothing can be sealed to a low-order X25519 point.", nameof(recipient));
        }

        return ciphertext;
    }

    /// <returns>False when the box was not sealed to this key or was altered.</returns>
    public static unsafe bool TryOpen(ReadOnlySpan<byte> ciphertext, Key recipientKey, [NotNullWhen(true)] out byte[]? plaintext)
    {
        ArgumentNullException.ThrowIfNull(recipientKey);
        using var lease = recipientKey.Lease(KeyAgreementAlgorithm.X25519);
        plaintext = null;
        if (ciphertext.Length < Overhead)
        {
            return false;
        }

        var buffer = new byte[ciphertext.Length - Overhead];
        int result;
        fixed (byte* m = buffer, c = ciphertext, pk = recipientKey.PublicKey.Bytes)
        {
            result = crypto_box_seal_open(m, c, (ulong)ciphertext.Length, pk, lease.Pointer);
        }

        if (result != 0)
        {
            CryptographicOperations.ZeroMemory(buffer);
            return false;
        }

        plaintext = buffer;
        return true;
    }
}
