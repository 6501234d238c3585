using System.Security.Cryptography;

namespace Reporting.Cryptography.SecretStreams;

/// <summary>
/// Decrypts a secret stream as it is read. Every chunk it returns is authentic, but the whole is vouched for only
/// when a read returns 0: a stream that is not for this key, or is altered, truncated, reordered or extended, throws
/// <see cref="CryptographicException"/> instead.
/// </summary>
public sealed class SecretStreamReader : Stream
{
    private readonly Stream _input;
    private readonly bool _leaveOpen;
    private readonly SecretStreamPuller _puller;
    private ReadOnlyMemory<byte> _pending;
    private bool _disposed;

    internal SecretStreamReader(Stream input, ReadOnlySpan<byte> key, bool leaveOpen)
    {
        _puller = new SecretStreamPuller(input, key);
        _input = input;
        _leaveOpen = leaveOpen;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_pending.IsEmpty && !_puller.IsFinished)
        {
            _pending = _puller.TryPullChunk() ? _puller.Chunk : throw Damaged();
        }

        return Take(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_pending.IsEmpty && !_puller.IsFinished)
        {
            _pending = await _puller.TryPullChunkAsync(cancellationToken).ConfigureAwait(false) ? _puller.Chunk : throw Damaged();
        }

        return Take(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _pending = default;
            _puller.Dispose();
            if (!_leaveOpen)
            {
                _input.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _pending.Length);
        _pending.Span[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    private static CryptographicException Damaged() =>
        new("The encrypted stream is damaged, truncated, reordered or not for this key.");
}
