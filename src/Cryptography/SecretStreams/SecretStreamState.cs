using static Reporting.Cryptography.Sodium.Libsodium;

namespace Reporting.Cryptography.SecretStreams;

/// <summary>
/// Memory for a stream's key copy and state. Pinned, so the collector never leaves a moved copy behind, and zeroed by
/// the owner when the stream ends. Not locked against swapping: see docs/decisions.md (locked memory).
/// </summary>
internal static class SecretStreamState
{
    public static byte[] Allocate(int size = crypto_secretstream_xchacha20poly1305_STATEBYTES) => GC.AllocateArray<byte>(size, pinned: true);

    public static void RequireKeySize(ReadOnlySpan<byte> key)
    {
        if (key.Length != crypto_secretstream_xchacha20poly1305_KEYBYTES)
            throw new ArgumentException($"A secret stream key is {crypto_secretstream_xchacha20poly1305_KEYBYTES} bytes.", nameof(key));
    }
}
