using System.Security.Cryptography;
using static Reporting.Cryptography.Sodium.Libsodium;

namespace Reporting.Cryptography.SecretStreams;

/// <summary>
/// Authenticates and decrypts one chunk at a time, and knows whether the stream ended where its writer ended it.
/// Once a pull has failed, every later pull fails too.
/// </summary>
internal sealed class SecretStreamPuller : IDisposable
{
    private readonly Stream _input;
    private readonly byte[] _key = SecretStreamState.Allocate(crypto_secretstream_xchacha20poly1305_KEYBYTES);
    private readonly byte[] _opening = new byte[SecretStreamPreamble.Size + crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    private readonly byte[] _byteAfterFinal = new byte[1];
    private byte[]? _state;
    private byte[] _ciphertext = [];
    private byte[] _plaintext = [];
    private bool _failed;

    public SecretStreamPuller(Stream input, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(input);

        // A key of the wrong size fails here rather than at the first read; the copy lives until the stream starts.
        SecretStreamState.RequireKeySize(key);
        key.CopyTo(_key);
        _input = input;
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
        CryptographicOperations.ZeroMemory(_key);
        CryptographicOperations.ZeroMemory(_state);
    }

    private unsafe bool TryStart(int openingBytes)
    {
        if (openingBytes != _opening.Length || !SecretStreamPreamble.TryRead(_opening, out var chunkSize))
        {
            return false;
        }

        _ciphertext = new byte[chunkSize + crypto_secretstream_xchacha20poly1305_ABYTES];
        _plaintext = new byte[chunkSize];
        _state = SecretStreamState.Allocate();
        try
        {
            fixed (byte* state = _state, header = _opening.AsSpan(SecretStreamPreamble.Size), k = _key)
            {
                return crypto_secretstream_xchacha20poly1305_init_pull(state, header, k) == 0;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(_key);
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
        fixed (byte* state = _state, m = _plaintext, c = _ciphertext, ad = _opening)
        {
            result = crypto_secretstream_xchacha20poly1305_pull(
                state, m, &length, &tag, c, (ulong)ciphertextBytes, ad, SecretStreamPreamble.Size);
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
