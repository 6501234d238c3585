using Reporting.Sodium.Interop;

namespace Reporting.Sodium.Cryptography;

/// <summary>
/// The base of every algorithm. Keys are always created from a seed (the bytes every blob format carries),
/// so that creation, import and derivation share one path per algorithm.
/// </summary>
public abstract class Algorithm
{
    private protected Algorithm()
    {
    }

    internal virtual KeyKind KeyKind => KeyKind.None;

    internal virtual int SeedSize => throw new NotSupportedException($"{GetType().Name} does not use keys.");

    internal virtual int PublicKeyBytes => throw new NotSupportedException($"{GetType().Name} has no public keys.");

    internal virtual byte[] NSecPrivateBlobHeader => [];

    internal virtual byte[] NSecPublicBlobHeader => [];

    internal virtual byte[] PkixPrivateBlobHeader => [];

    internal virtual byte[] PkixPublicBlobHeader => [];

    /// <summary>Turns a seed into the key's working form in secure memory, and its public key if it has one.</summary>
    internal virtual SecureMemoryHandle CreateKey(ReadOnlySpan<byte> seed, out PublicKey? publicKey)
    {
        publicKey = null;
        return SecureMemoryHandle.CopyOf(seed);
    }

    internal virtual void ExportSeed(SecureMemoryHandle key, Span<byte> seed)
    {
        using var lease = key.Lease();
        lease.Span[..seed.Length].CopyTo(seed);
    }

    internal bool IsSameAlgorithmAs(Algorithm other) => GetType() == other.GetType();
}
