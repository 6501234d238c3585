using System.Buffers;
using System.Security.Cryptography;
using System.Text;
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

    public byte[] DeriveBytes(string password, ReadOnlySpan<byte> salt, int count)
    {
        ArgumentNullException.ThrowIfNull(password);
        var bytes = new byte[RequireCount(count)];
        var utf8 = RentUtf8(password, out var length);
        try
        {
            DeriveBytes(utf8.AsSpan(0, length), salt, bytes);
        }
        finally
        {
            ReturnZeroed(utf8);
        }

        return bytes;
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

    public Key DeriveKey(string password, ReadOnlySpan<byte> salt, Algorithm algorithm, in KeyCreationParameters creationParameters = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        var utf8 = RentUtf8(password, out var length);
        try
        {
            return DeriveKey(utf8.AsSpan(0, length), salt, algorithm, creationParameters);
        }
        finally
        {
            ReturnZeroed(utf8);
        }
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

    internal static byte[] RentUtf8(string password, out int length)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(password.Length));
        length = Encoding.UTF8.GetBytes(password, utf8);
        return utf8;
    }

    internal static void ReturnZeroed(byte[] utf8)
    {
        CryptographicOperations.ZeroMemory(utf8);
        ArrayPool<byte>.Shared.Return(utf8);
    }

    private int RequireCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, MinCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        return count;
    }
}
