using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using static Reporting.Cryptography.Sodium.Libsodium;

namespace Reporting.Cryptography.PasswordHashing;

/// <summary>
/// Self-describing Argon2id password hashes (<c>$argon2id$v=19$m=…,t=…,p=1$salt$hash</c>) for staff passwords.
/// The caller always states the costs, so that raising them is a visible decision followed by rehashing.
/// Passwords are hashed as UTF-8, the encoding other Argon2 implementations use for these strings.
/// </summary>
public static class PasswordHashString
{
    /// <param name="opsLimit">Argon2id passes, at least 1.</param>
    /// <param name="memLimit">Memory in bytes, at least 8 KiB.</param>
    public static unsafe string Create(string password, long opsLimit, long memLimit)
    {
        ArgumentNullException.ThrowIfNull(password);
        RequireLimits(opsLimit, memLimit);
        Span<byte> hash = stackalloc byte[crypto_pwhash_argon2id_STRBYTES];
        var utf8 = RentUtf8(password, out var length);
        try
        {
            fixed (byte* output = hash, passwd = utf8)
            {
                if (crypto_pwhash_argon2id_str(output, passwd, (ulong)length, (ulong)opsLimit, (nuint)memLimit) != 0)
                {
                    throw new CryptographicException("The password hash could not be computed; the memory limit may exceed what the system can allocate.");
                }
            }
        }
        finally
        {
            ReturnZeroed(utf8);
        }

        return Encoding.ASCII.GetString(hash[..hash.IndexOf((byte)0)]);
    }

    /// <returns>True only when <paramref name="passwordHash"/> is an Argon2id hash string of <paramref name="password"/>.</returns>
    public static unsafe bool Verify(string passwordHash, string password)
    {
        ArgumentNullException.ThrowIfNull(passwordHash);
        ArgumentNullException.ThrowIfNull(password);
        Span<byte> hash = stackalloc byte[crypto_pwhash_argon2id_STRBYTES];
        if (!TryEncode(passwordHash, hash))
        {
            return false;
        }

        var utf8 = RentUtf8(password, out var length);
        try
        {
            fixed (byte* str = hash, passwd = utf8)
            {
                return crypto_pwhash_argon2id_str_verify(str, passwd, (ulong)length) == 0;
            }
        }
        finally
        {
            ReturnZeroed(utf8);
        }
    }

    /// <returns>True when the hash was made with other costs than these, or is not an Argon2id hash string at all.</returns>
    public static unsafe bool NeedsRehash(string passwordHash, long opsLimit, long memLimit)
    {
        ArgumentNullException.ThrowIfNull(passwordHash);
        RequireLimits(opsLimit, memLimit);
        Span<byte> hash = stackalloc byte[crypto_pwhash_argon2id_STRBYTES];
        if (!TryEncode(passwordHash, hash))
        {
            return true;
        }

        fixed (byte* str = hash)
        {
            return crypto_pwhash_argon2id_str_needs_rehash(str, (ulong)opsLimit, (nuint)memLimit) != 0;
        }
    }

    private static byte[] RentUtf8(string password, out int length)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(password.Length));
        length = Encoding.UTF8.GetBytes(password, utf8);
        return utf8;
    }

    private static void ReturnZeroed(byte[] utf8)
    {
        CryptographicOperations.ZeroMemory(utf8);
        ArrayPool<byte>.Shared.Return(utf8);
    }

    private static void RequireLimits(long opsLimit, long memLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(opsLimit, crypto_pwhash_argon2id_OPSLIMIT_MIN);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(opsLimit, uint.MaxValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(memLimit, crypto_pwhash_argon2id_MEMLIMIT_MIN);
    }

    /// <summary>The hash as the NUL-terminated ASCII that libsodium parses; false when it cannot be one.</summary>
    private static bool TryEncode(string passwordHash, Span<byte> hash)
    {
        if (passwordHash.Length >= hash.Length || !Ascii.IsValid(passwordHash) || passwordHash.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        hash.Clear();
        Encoding.ASCII.GetBytes(passwordHash, hash);
        return true;
    }
}
