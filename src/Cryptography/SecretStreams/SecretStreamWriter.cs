using System.Security.Cryptography;
using static Reporting.Cryptography.Sodium.Libsodium;

namespace Reporting.Cryptography.SecretStreams;

/// <summary>
/// Encrypts what is written to it into the inner stream. Disposing it writes the final chunk: a writer that is
/// never disposed leaves a stream that every reader rejects as truncated. Nothing reaches the inner stream before
/// the first full chunk or the disposal, so the writer can be created where only asynchronous output is allowed.
/// </summary>
public sealed class SecretStreamWriter : Stream
{
    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly byte[] _state = SecretStreamState.Allocate();
    private readonly byte[] _opening = new byte[SecretStreamPreamble.Size + crypto_secretstream_xchacha20poly1305_HEADERBYTES];
    private readonly byte[] _plaintext;
    private readonly byte[] _ciphertext;
    private bool _openingWritten;
    private int _buffered;
    private bool _finished;

    internal unsafe SecretStreamWriter(Stream output, ReadOnlySpan<byte> key, int chunkSize, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(output);
        SecretStreamState.RequireKeySize(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkSize, SecretStream.MaxChunkSize);

        _output = output;
        _leaveOpen = leaveOpen;
        _plaintext = new byte[chunkSize];
        _ciphertext = new byte[chunkSize + crypto_secretstream_xchacha20poly1305_ABYTES];
        SecretStreamPreamble.Write(_opening, chunkSize);
        fixed (byte* state = _state, header = _opening.AsSpan(SecretStreamPreamble.Size), k = key)
        {
            crypto_secretstream_xchacha20poly1305_init_push(state, header, k);
        }
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
            if (_buffered == _plaintext.Length)
            {
                WriteChunk(Seal(crypto_secretstream_xchacha20poly1305_TAG_MESSAGE));
            }

            buffer = buffer[FillChunk(buffer)..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!buffer.IsEmpty)
        {
            if (_buffered == _plaintext.Length)
            {
                await WriteChunkAsync(Seal(crypto_secretstream_xchacha20poly1305_TAG_MESSAGE), cancellationToken).ConfigureAwait(false);
            }

            buffer = buffer[FillChunk(buffer.Span)..];
        }
    }

    public override void Flush() => _output.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_finished)
        {
            try
            {
                WriteChunk(Seal(crypto_secretstream_xchacha20poly1305_TAG_FINAL));
                _output.Flush();
            }
            finally
            {
                Finish();
                if (!_leaveOpen)
                {
                    _output.Dispose();
                }
            }
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            try
            {
                await WriteChunkAsync(Seal(crypto_secretstream_xchacha20poly1305_TAG_FINAL), CancellationToken.None).ConfigureAwait(false);
                await _output.FlushAsync().ConfigureAwait(false);
            }
            finally
            {
                Finish();
                if (!_leaveOpen)
                {
                    await _output.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Copies as much as fits into the chunk being filled.</summary>
    private int FillChunk(ReadOnlySpan<byte> buffer)
    {
        // A full chunk is sealed only once more data arrives, so that the last chunk can carry the final tag.
        var count = Math.Min(buffer.Length, _plaintext.Length - _buffered);
        buffer[..count].CopyTo(_plaintext.AsSpan(_buffered));
        _buffered += count;
        return count;
    }

    private unsafe int Seal(byte tag)
    {
        ulong length;
        fixed (byte* state = _state, c = _ciphertext, m = _plaintext, ad = _opening)
        {
            crypto_secretstream_xchacha20poly1305_push(state, c, &length, m, (ulong)_buffered, ad, SecretStreamPreamble.Size, tag);
        }

        _buffered = 0;
        return (int)length;
    }

    private void WriteChunk(int length)
    {
        if (!_openingWritten)
        {
            _output.Write(_opening);
            _openingWritten = true;
        }

        _output.Write(_ciphertext, 0, length);
    }

    private async ValueTask WriteChunkAsync(int length, CancellationToken cancellationToken)
    {
        if (!_openingWritten)
        {
            await _output.WriteAsync(_opening, cancellationToken).ConfigureAwait(false);
            _openingWritten = true;
        }

        await _output.WriteAsync(_ciphertext.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
    }

    private void Finish()
    {
        _finished = true;
        CryptographicOperations.ZeroMemory(_plaintext);
        CryptographicOperations.ZeroMemory(_state);
    }
}
