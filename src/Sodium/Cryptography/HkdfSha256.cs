using System.Security.Cryptography;
using Reporting.Sodium.Interop;
using static Reporting.Sodium.Interop.Libsodium;

namespace Reporting.Sodium.Cryptography;

/// <summary>
/// HKDF with HMAC-SHA-256 (RFC 5869), built on libsodium's incremental HMAC-SHA-256 because libsodium 1.0.18
/// has no HKDF of its own. Intermediate keys stay on the stack and are zeroed before returning.
/// </summary>
public sealed class HkdfSha256 : KeyDerivationAlgorithm
{
    private const int HashBytes = crypto_auth_hmacsha256_BYTES;

    // The HMAC state holds SHA-256 states with 64-bit counters, so it lives in ulongs for alignment.
    private const int StateWords = (crypto_auth_hmacsha256_STATEBYTES + sizeof(ulong) - 1) / sizeof(ulong);

    internal HkdfSha256()
        : base(supportsSalt: true, maxCount: 255 * HashBytes)
    {
    }

    public int PseudorandomKeySize => HashBytes;

    /// <summary>HKDF-Extract: the pseudorandom key for <see cref="Expand(ReadOnlySpan{byte}, ReadOnlySpan{byte}, int)"/>.</summary>
    public byte[] Extract(ReadOnlySpan<byte> inputKeyingMaterial, ReadOnlySpan<byte> salt)
    {
        SodiumRuntime.EnsureReady();
        var pseudorandomKey = new byte[HashBytes];
        ExtractCore(inputKeyingMaterial, salt, pseudorandomKey);
        return pseudorandomKey;
    }

    public byte[] Extract(SharedSecret sharedSecret, ReadOnlySpan<byte> salt)
    {
        ArgumentNullException.ThrowIfNull(sharedSecret);
        using var lease = sharedSecret.Lease();
        var pseudorandomKey = new byte[HashBytes];
        ExtractCore(lease.Span, salt, pseudorandomKey);
        return pseudorandomKey;
    }

    /// <summary>HKDF-Expand of a pseudorandom key of at least <see cref="PseudorandomKeySize"/> bytes.</summary>
    public byte[] Expand(ReadOnlySpan<byte> pseudorandomKey, ReadOnlySpan<byte> info, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var bytes = new byte[count];
        Expand(pseudorandomKey, info, bytes);
        return bytes;
    }

    public void Expand(ReadOnlySpan<byte> pseudorandomKey, ReadOnlySpan<byte> info, Span<byte> bytes)
    {
        SodiumRuntime.EnsureReady();
        if (pseudorandomKey.Length < HashBytes)
        {
            throw new ArgumentException($"The pseudorandom key must be at least {HashBytes} bytes long.", nameof(pseudorandomKey));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes.Length, MaxCount, nameof(bytes));
        ExpandCore(pseudorandomKey, info, bytes);
    }

    public Key ExpandKey(ReadOnlySpan<byte> pseudorandomKey, ReadOnlySpan<byte> info, Algorithm algorithm, in KeyCreationParameters creationParameters = default)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        using var seed = SecureMemoryHandle.Allocate(algorithm.SeedSize);
        using var lease = seed.Lease();
        Expand(pseudorandomKey, info, lease.Span);
        return Key.FromSeed(algorithm, lease.Span, creationParameters.ExportPolicy);
    }

    private protected override void DeriveBytesCore(ReadOnlySpan<byte> inputKeyingMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> bytes)
    {
        Span<byte> pseudorandomKey = stackalloc byte[HashBytes];
        try
        {
            ExtractCore(inputKeyingMaterial, salt, pseudorandomKey);
            ExpandCore(pseudorandomKey, info, bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pseudorandomKey);
        }
    }

    private static void ExtractCore(ReadOnlySpan<byte> inputKeyingMaterial, ReadOnlySpan<byte> salt, Span<byte> pseudorandomKey)
    {
        // RFC 5869 §2.2: an absent salt is HashLen zeros, which HMAC pads to the same block as an empty key.
        Hmac(salt, inputKeyingMaterial, [], [], pseudorandomKey);
    }

    private static void ExpandCore(ReadOnlySpan<byte> pseudorandomKey, ReadOnlySpan<byte> info, Span<byte> bytes)
    {
        Span<byte> block = stackalloc byte[HashBytes];
        Span<byte> counter = stackalloc byte[1];
        try
        {
            var previous = 0;
            for (var offset = 0; offset < bytes.Length; offset += HashBytes)
            {
                counter[0]++;
                Hmac(pseudorandomKey, block[..previous], info, counter, block);
                previous = HashBytes;
                block[..Math.Min(HashBytes, bytes.Length - offset)].CopyTo(bytes[offset..]);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(block);
        }
    }

    private static unsafe void Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> part1, ReadOnlySpan<byte> part2, ReadOnlySpan<byte> part3, Span<byte> mac)
    {
        var state = stackalloc ulong[StateWords];
        try
        {
            fixed (byte* k = key, p1 = part1, p2 = part2, p3 = part3, output = mac)
            {
                crypto_auth_hmacsha256_init(state, k, (nuint)key.Length);
                crypto_auth_hmacsha256_update(state, p1, (ulong)part1.Length);
                crypto_auth_hmacsha256_update(state, p2, (ulong)part2.Length);
                crypto_auth_hmacsha256_update(state, p3, (ulong)part3.Length);
                crypto_auth_hmacsha256_final(state, output);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(new Span<byte>(state, StateWords * sizeof(ulong)));
        }
    }
}
