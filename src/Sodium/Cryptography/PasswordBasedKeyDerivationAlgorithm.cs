using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Reporting.Sodium.Interop;

namespace Reporting.Sodium.Cryptography;

/// <summary>Derives bytes or keys from a human secret, deliberately slowly.</summary>
public abstract class PasswordBasedKeyDerivationAlgorithm : Algorithm
{
    private protected PasswordBasedKeyDerivationAlgorithm(int saltSize, int minCount, int maxCount)
    {
        SaltSize = saltSize;
        MinCount = minCount;
        MaxCount = maxCount;
    }

    public int SaltSize { get; }

    public int MinCount { get; }

    public int MaxCount { get; }

    public static Argon2id Argon2id(in Argon2Parameters parameters) => new(parameters);

    /// <summary>Derives from the password's UTF-16 code units, as NSec does, so that keys survive a move to NSec.</summary>
    public byte[] DeriveBytes(string password, ReadOnlySpan<byte> salt, int count)
    {
        ArgumentNullException.ThrowIfNull(password);
        return DeriveBytes(MemoryMarshal.AsBytes(password.AsSpan()), salt, count);
    }

    public byte[] DeriveBytes(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int count)
    {
        var bytes = new byte[RequireCount(count)];
        DeriveBytes(password, salt, bytes);
        return bytes;
    }

    public void DeriveBytes(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, Span<byte> bytes)
    {
        SodiumRuntime.EnsureReady();
        RequireCount(bytes.Length);
        if (salt.Length != SaltSize)
        {
            throw new ArgumentException($"The salt must be {SaltSize} bytes long.", nameof(salt));
        }

        if (!TryDeriveBytesCore(password, salt, bytes))
        {
            CryptographicOperations.ZeroMemory(bytes);
            throw new CryptographicException("The password hash could not be computed; the memory limit may exceed what the system can allocate.");
        }
    }

    /// <summary>Derives from the password's UTF-16 code units, as NSec does, so that keys survive a move to NSec.</summary>
    public Key DeriveKey(string password, ReadOnlySpan<byte> salt, Algorithm algorithm, in KeyCreationParameters creationParameters = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        return DeriveKey(MemoryMarshal.AsBytes(password.AsSpan()), salt, algorithm, creationParameters);
    }

    public Key DeriveKey(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, Algorithm algorithm, in KeyCreationParameters creationParameters = default)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        SodiumRuntime.EnsureReady();
        using var seed = SecureMemoryHandle.Allocate(RequireCount(algorithm.SeedSize));
        using var lease = seed.Lease();
        DeriveBytes(password, salt, lease.Span);
        return Key.FromSeed(algorithm, lease.Span, creationParameters.ExportPolicy);
    }

    private protected abstract bool TryDeriveBytesCore(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, Span<byte> bytes);

    private int RequireCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, MinCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        return count;
    }
}
