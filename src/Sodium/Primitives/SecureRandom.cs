using Reporting.Sodium.Interop;

namespace Reporting.Sodium.Primitives;

/// <summary>Cryptographically secure random bytes from libsodium (<c>randombytes_buf</c>, backed by getrandom).</summary>
public static class SecureRandom
{
    public static unsafe void Fill(Span<byte> buffer)
    {
        SodiumRuntime.EnsureReady();
        fixed (byte* b = buffer)
        {
            Libsodium.randombytes_buf(b, (nuint)buffer.Length);
        }
    }

    public static byte[] GetBytes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var bytes = new byte[count];
        Fill(bytes);
        return bytes;
    }
}
