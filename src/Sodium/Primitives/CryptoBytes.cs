using Reporting.Sodium.Interop;

namespace Reporting.Sodium.Primitives;

public static class CryptoBytes
{
    /// <summary>
    /// Compares in time that depends only on the length (<c>sodium_memcmp</c>), for tags, tokens and derived ids.
    /// Lengths are not secret: different lengths are unequal at once.
    /// </summary>
    public static unsafe bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        SodiumRuntime.EnsureReady();
        if (left.Length != right.Length)
        {
            return false;
        }

        if (left.IsEmpty)
        {
            return true;
        }

        fixed (byte* l = left, r = right)
        {
            return Libsodium.sodium_memcmp(l, r, (nuint)left.Length) == 0;
        }
    }
}
