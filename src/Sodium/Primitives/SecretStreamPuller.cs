using System.Security.Cryptography;
using Reporting.Sodium.Cryptography;
using Reporting.Sodium.Interop;
using static Reporting.Sodium.Interop.Libsodium;

namespace Reporting.Sodium.Primitives;

/// <summary>Authenticates and decrypts one chunk at a time, and knows whether the stream ended where its writer ended it.</summary>
internal sealed class SecretStreamPuller : IDisposable
{
    private readonly Stream _input;
    private readonly SecureMemoryHandle _state;
    private readonly byte[] _preamble;
    private readonly byte[] _ciphertext;
    private readonly byte[] _plaintext;

    private SecretStreamPuller(Stream input, SecureMemoryHandle state, byte[] preamble, int chunkSize)
    {
        _input = input;
        _state = state;
        _preamble = preamble;
        _ciphertext = new byte[chunkSize + crypto_secretstream_xchacha20poly1305_ABYTES];
        _plaintext = new byte[chunkSize];
    }

    public bool IsFinished { get; private set; }

    /// <returns>Null when the stream does not start with a preamble and header that this key accepts.</returns>
    public static unsafe SecretStreamPuller? TryStart(Stream input, Key key)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(key);
        using var keyLease = key.Lease(AeadAlgorithm.XChaCha20Poly1305);
        var preamble = new byte[SecretStreamPreamble.Size];
        Span<byte> header = stackalloc byte[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
        if (input.ReadAtLeast(preamble, preamble.Length, throwOnEndOfStream: false) != preamble.Length ||
            !SecretStreamPreamble.TryRead(preamble, out var chunkSize) ||
            input.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) != header.Length)
        {
            return null;
        }

        var state = SecureMemoryHandle.Allocate(crypto_secretstream_xchacha20poly1305_STATEBYTES);
        int result;
        using (var stateLease = state.Lease())
        fixed (byte* h = header)
        {
            result = crypto_secretstream_xchacha20poly1305_init_pull(stateLease.Pointer, h, keyLease.Pointer);
        }

        if (result != 0)
        {
            state.Dispose();
            return null;
        }

        return new SecretStreamPuller(input, state, preamble, chunkSize);
    }

    /// <summary>The chunk stays valid until the next pull.</summary>
    /// <returns>False when the next chunk is missing, altered, out of order, or followed by data after the final one.</returns>
    public unsafe bool TryPullChunk(out ReadOnlyMemory<byte> chunk)
    {
        chunk = default;
        if (IsFinished)
        {
            return false;
        }

        var read = _input.ReadAtLeast(_ciphertext, _ciphertext.Length, throwOnEndOfStream: false);
        if (read < crypto_secretstream_xchacha20poly1305_ABYTES)
        {
            return false;
        }

        ulong length;
        byte tag;
        int result;
        using (var state = _state.Lease())
        fixed (byte* m = _plaintext, c = _ciphertext, ad = _preamble)
        {
            result = crypto_secretstream_xchacha20poly1305_pull(state.Pointer, m, &length, &tag, c, (ulong)read, ad, (ulong)_preamble.Length);
        }

        if (result != 0)
        {
            return false;
        }

        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
        {
            if (_input.ReadByte() != -1)
            {
                return false;
            }

            IsFinished = true;
        }
        else if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE || read != _ciphertext.Length)
        {
            return false;
        }

        chunk = _plaintext.AsMemory(0, (int)length);
        return true;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_plaintext);
        _state.Dispose();
    }
}
