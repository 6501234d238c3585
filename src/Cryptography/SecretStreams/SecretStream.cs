
using static Reporting.Cryptography.Sodium.Libsodium;

namespace Reporting.Cryptography.SecretStreams;

/// <summary>
/// Chunked authenticated encryption of long data with <c>crypto_secretstream_xchacha20poly1305</c>.
/// Layout: an 8-byte preamble ("RSS", format 1, chunk size as 32-bit little-endian), libsodium's 24-byte header,
/// then chunks of chunk size plus 17 bytes, the last one shorter or equal and tagged final. The preamble is
/// associated data of every chunk; libsodium's per-chunk counter detects reordering, the final tag truncation.
/// Keys are 32 random bytes (<see cref="KeySize"/>), given as bytes because they travel sealed in the case's envelope.
/// </summary>
public static class SecretStream
{
    public const int DefaultChunkSize = 64 * 1024;
    public const int MaxChunkSize = 16 * 1024 * 1024;
    public const int KeySize = crypto_secretstream_xchacha20poly1305_KEYBYTES;

    public static SecretStreamWriter CreateWriter(Stream ciphertext, ReadOnlySpan<byte> key, int chunkSize = DefaultChunkSize, bool leaveOpen = false) =>
        new(ciphertext, key, chunkSize, leaveOpen);

    /// <summary>Reads nothing yet: a stream that is not a secret stream for this key fails on the first read.</summary>
    public static SecretStreamReader CreateReader(Stream ciphertext, ReadOnlySpan<byte> key, bool leaveOpen = false) =>
        new(ciphertext, key, leaveOpen);

    public static void Encrypt(Stream plaintext, Stream ciphertext, ReadOnlySpan<byte> key, int chunkSize = DefaultChunkSize)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        using var writer = CreateWriter(ciphertext, key, chunkSize, leaveOpen: true);
        plaintext.CopyTo(writer, chunkSize);
    }

    public static Task EncryptAsync(Stream plaintext, Stream ciphertext, ReadOnlySpan<byte> key, int chunkSize = DefaultChunkSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return CopyThroughAsync(plaintext, CreateWriter(ciphertext, key, chunkSize, leaveOpen: true), chunkSize, cancellationToken);
    }

    /// <returns>
    /// False when the ciphertext was altered, reordered, truncated or extended, or is not for this key. What was
    /// already written to <paramref name="plaintext"/> must then be discarded: only a true result vouches for all of it.
    /// </returns>
    public static bool TryDecrypt(Stream ciphertext, Stream plaintext, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        using var puller = new SecretStreamPuller(ciphertext, key);
        while (!puller.IsFinished)
        {
            if (!puller.TryPullChunk())
            {
                return false;
            }

            plaintext.Write(puller.Chunk.Span);
        }

        return true;
    }

    /// <inheritdoc cref="TryDecrypt"/>
    public static Task<bool> TryDecryptAsync(Stream ciphertext, Stream plaintext, ReadOnlySpan<byte> key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        return PullAllAsync(new SecretStreamPuller(ciphertext, key), plaintext, cancellationToken);
    }

    // The key is a span, which an async method cannot take: the writer and puller copy it before the first await.
    private static async Task CopyThroughAsync(Stream plaintext, SecretStreamWriter writer, int chunkSize, CancellationToken cancellationToken)
    {
        await using (writer.ConfigureAwait(false))
        {
            await plaintext.CopyToAsync(writer, chunkSize, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> PullAllAsync(SecretStreamPuller puller, Stream plaintext, CancellationToken cancellationToken)
    {
        using (puller)
        {
            while (!puller.IsFinished)
            {
                if (!await puller.TryPullChunkAsync(cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                await plaintext.WriteAsync(puller.Chunk, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
    }
}
