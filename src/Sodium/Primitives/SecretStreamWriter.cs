using System.Security.Cryptography;
using Reporting.Sodium.Cryptography;
using Reporting.Sodium.Interop;
using static Reporting.Sodium.Interop.Libsodium;

namespace Reporting.Sodium.Primitives;

/// <summary>
/// Encrypts what is written to it into the inner stream. Disposing it writes the final chunk: a writer that is
/// never disposed leaves a stream that every reader rejects as truncated.
/// </summary>
public sealed class SecretStreamWriter : Stream
{
    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly SecureMemoryHandle _state;
    private readonly byte[] _preamble = new byte[SecretStreamPreamble.Size];
    private readonly byte[] _plaintext;
    private readonly byte[] _ciphertext;
    private int _buffered;
    private bool _finished;

    internal unsafe SecretStreamWriter(Stream output, Key key, int chunkSize, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkSize, SecretStream.MaxChunkSize);
        using var keyLease = key.Lease(AeadAlgorithm.XChaCha20Poly1305);

        _output = output;
        _leaveOpen = leaveOpen;
        _plaintext = new byte[chunkSize];
        _ciphertext = new byte[chunkSize + crypto_secretstream_xchacha20poly1305_ABYTES];
        _state = SecureMemoryHandle.Allocate(crypto_secretstream_xchacha20poly1305_STATEBYTES);
        SecretStreamPreamble.Write(_preamble, chunkSize);

        Span<byte> header = stackalloc byte[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
        using (var state = _state.Lease())
        fixed (byte* h = header)
        {
            crypto_secretstream_xchacha20poly1305_init_push(state.Pointer, h, keyLease.Pointer);
        }

        _output.Write(_preamble);
        _output.Write(header);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_finished;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!buffer.IsEmpty)
        {
            // A full chunk is pushed only once more data arrives, so that the last chunk can carry the final tag.
            if (_buffered == _plaintext.Length)
            {
                Push(crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
            }

            var count = Math.Min(buffer.Length, _plaintext.Length - _buffered);
            buffer[..count].CopyTo(_plaintext.AsSpan(_buffered));
            _buffered += count;
            buffer = buffer[count..];
        }
    }

    public override void Flush() => _output.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_finished)
        {
            try
            {
                Push(crypto_secretstream_xchacha20poly1305_TAG_FINAL);
                _output.Flush();
            }
            finally
            {
                _finished = true;
                CryptographicOperations.ZeroMemory(_plaintext);
                _state.Dispose();
                if (!_leaveOpen)
                {
                    _output.Dispose();
                }
            }
        }

        base.Dispose(disposing);
    }

    private unsafe void Push(byte tag)
    {
        ulong length;
        using (var state = _state.Lease())
        fixed (byte* c = _ciphertext, m = _plaintext, ad = _preamble)
        {
            crypto_secretstream_xchacha20poly1305_push(state.Pointer, c, &length, m, (ulong)_buffered, ad, (ulong)_preamble.Length, tag);
        }

        _output.Write(_ciphertext, 0, (int)length);
        _buffered = 0;
    }
}
