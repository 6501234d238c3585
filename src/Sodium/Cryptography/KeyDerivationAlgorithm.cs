using Reporting.Sodium.Interop;

namespace Reporting.Sodium.Cryptography;

/// <summary>Derives bytes or keys from a shared secret or other high-entropy input keying material.</summary>
public abstract class KeyDerivationAlgorithm : Algorithm
{
    private protected KeyDerivationAlgorithm(bool supportsSalt, int maxCount)
    {
        SupportsSalt = supportsSalt;
        MaxCount = maxCount;
    }

    public static HkdfSha256 HkdfSha256 { get; } = new();

    public bool SupportsSalt { get; }

    public int MaxCount { get; }

    public byte[] DeriveBytes(SharedSecret sharedSecret, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, int count)
    {
        var bytes = new byte[RequireCount(count)];
        DeriveBytes(sharedSecret, salt, info, bytes);
        return bytes;
    }

    public void DeriveBytes(SharedSecret sharedSecret, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(sharedSecret);
        RequireCount(bytes.Length);
        using var lease = sharedSecret.Lease();
        DeriveBytesCore(lease.Span, salt, info, bytes);
    }

    public byte[] DeriveBytes(ReadOnlySpan<byte> inputKeyingMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, int count)
    {
        var bytes = new byte[RequireCount(count)];
        DeriveBytes(inputKeyingMaterial, salt, info, bytes);
        return bytes;
    }

    public void DeriveBytes(ReadOnlySpan<byte> inputKeyingMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> bytes)
    {
        SodiumRuntime.EnsureReady();
        RequireCount(bytes.Length);
        DeriveBytesCore(inputKeyingMaterial, salt, info, bytes);
    }

    public Key DeriveKey(SharedSecret sharedSecret, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Algorithm algorithm, in KeyCreationParameters creationParameters = default)
    {
        ArgumentNullException.ThrowIfNull(sharedSecret);
        ArgumentNullException.ThrowIfNull(algorithm);
        using var seed = SecureMemoryHandle.Allocate(RequireCount(algorithm.SeedSize));
        using var lease = seed.Lease();
        DeriveBytes(sharedSecret, salt, info, lease.Span);
        return Key.FromSeed(algorithm, lease.Span, creationParameters.ExportPolicy);
    }

    public Key DeriveKey(ReadOnlySpan<byte> inputKeyingMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Algorithm algorithm, in KeyCreationParameters creationParameters = default)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        SodiumRuntime.EnsureReady();
        using var seed = SecureMemoryHandle.Allocate(RequireCount(algorithm.SeedSize));
        using var lease = seed.Lease();
        DeriveBytesCore(inputKeyingMaterial, salt, info, lease.Span);
        return Key.FromSeed(algorithm, lease.Span, creationParameters.ExportPolicy);
    }

    private protected abstract void DeriveBytesCore(ReadOnlySpan<byte> inputKeyingMaterial, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info, Span<byte> bytes);

    private int RequireCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        return count;
    }
}
