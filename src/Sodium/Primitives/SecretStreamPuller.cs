using System.Security.Cryptography;
using Reporting.Sodium.Cryptography;
using Reporting.Sodium.Interop;
using static Reporting.Sodium.Interop.Libsodium;

namespace Reporting.Sodium.Primitives;

/// <summary>
/// Authenticates and decrypts one chunk at a time, and knows whether the stream ended where its writer ended it.
/// Once a pull has failed, every later pull fails too.
/// </summary>
internal sealed class SecretStreamPuller : IDisposable
{
    private readonly Stream _input;
    private readonly Key _key;
    private readonly byte[] _opening = new byte[SecretStreamPreamble.Size + crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    private readonly byte[] _byteAfterFinal = new byte[1];
    private SecureMemoryHandle? _state;
    private byte[] _ciphertext = [];
    private byte[] _plaintext = [];
    private bool _failed;

    public SecretStreamPuller(Stream input, Key key)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(key);

        // A disposed key or one of another algorithm fails here rather than at the first read.
        key.Lease(AeadAlgorithm.XChaCha20Poly1305).Dispose();
        _input = input;
        _key = key;
    }

    private enum Opened
    {
        Damaged,
        Message,
        Final,
    }

    public bool IsFinished { get; private set; }

    /// <summary>The plaintext of the last chunk pulled, valid until the next pull.</summary>
    public ReadOnlyMemory<byte> Chunk { get; private set; }

    /// <returns>False when the stream's opening or next chunk is missing, altered or out of order, or data follows the final chunk.</returns>
    public bool TryPullChunk()
    {
        if (_failed || IsFinished)
        {
            return false;
        }

        if (_state is null && !TryStart(_input.ReadAtLeast(_opening, _opening.Length, throwOnEndOfStream: false)))
        {
            return Fail();
        }

        return Open(_input.ReadAtLeast(_ciphertext, _ciphertext.Length, throwOnEndOfStream: false)) switch
        {
            Opened.Message => true,
            Opened.Final => EndsHere(_input.Read(_byteAfterFinal)),
            _ => Fail(),
        };
    }

    public async ValueTask<bool> TryPullChunkAsync(CancellationToken cancellationToken)
    {
        if (_failed || IsFinished)
        {
            return false;
        }

        if (_state is null && !TryStart(await _input.ReadAtLeastAsync(_opening, _opening.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)))
        {
            return Fail();
        }

        return Open(await _input.ReadAtLeastAsync(_ciphertext, _ciphertext.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false)) switch
        {
            Opened.Message => true,
            Opened.Final => EndsHere(await _input.ReadAsync(_byteAfterFinal, cancellationToken).ConfigureAwait(false)),
            _ => Fail(),
        };
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_plaintext);
        _state?.Dispose();
    }

    private unsafe bool TryStart(int openingBytes)
    {
        if (openingBytes != _opening.Length || !SecretStreamPreamble.TryRead(_opening, out var chunkSize))
        {
            return false;
        }

        _ciphertext = new byte[chunkSize + crypto_secretstream_xchacha20poly1305_ABYTES];
        _plaintext = new byte[chunkSize];
        _state = SecureMemoryHandle.Allocate(crypto_secretstream_xchacha20poly1305_STATEBYTES);
        using var key = _key.Lease(AeadAlgorithm.XChaCha20Poly1305);
        using var state = _state.Lease();
        fixed (byte* header = _opening.AsSpan(SecretStreamPreamble.Size))
        {
            return crypto_secretstream_xchacha20poly1305_init_pull(state.Pointer, header, key.Pointer) == 0;
        }
    }

    private unsafe Opened Open(int ciphertextBytes)
    {
        if (ciphertextBytes < crypto_secretstream_xchacha20poly1305_ABYTES)
        {
            return Opened.Damaged;
        }

        ulong length;
        byte tag;
        int result;
        using (var state = _state!.Lease())
        fixed (byte* m = _plaintext, c = _ciphertext, ad = _opening)
        {
            result = crypto_secretstream_xchacha20poly1305_pull(
                state.Pointer, m, &length, &tag, c, (ulong)ciphertextBytes, ad, SecretStreamPreamble.Size);
        }

        Chunk = _plaintext.AsMemory(0, result == 0 ? (int)length : 0);
        return (result, tag) switch
        {
            (0, crypto_secretstream_xchacha20poly1305_TAG_FINAL) => Opened.Final,

            // Our writer fills every chunk but the last: a short message chunk did not come from it.
            (0, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) when ciphertextBytes == _ciphertext.Length => Opened.Message,
            _ => Opened.Damaged,
        };
    }

    private bool EndsHere(int bytesAfterFinal)
    {
        IsFinished = bytesAfterFinal == 0;
        return IsFinished || Fail();
    }

    private bool Fail()
    {
        _failed = true;
        Chunk = default;
        return false;
    }
}
