namespace Reporting.Cryptography.Tests;

/// <summary>A memory stream that refuses synchronous reads and writes, as Kestrel's request and response bodies do.</summary>
internal sealed class AsyncOnlyStream : MemoryStream
{
    public AsyncOnlyStream()
    {
    }

    public AsyncOnlyStream(byte[] content)
        : base(content)
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw SynchronousIo();

    public override int Read(Span<byte> buffer) => throw SynchronousIo();

    public override void Write(byte[] buffer, int offset, int count) => throw SynchronousIo();

    public override void Write(ReadOnlySpan<byte> buffer) => throw SynchronousIo();

    public override void Flush() => throw SynchronousIo();

    // MemoryStream's span overloads call back into the array overloads of a derived class, so the asynchronous
    // paths go to MemoryStream's array implementations directly.
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(base.Read(buffer, offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = new byte[buffer.Length];
        var count = base.Read(read, 0, read.Length);
        read.AsSpan(0, count).CopyTo(buffer.Span);
        return ValueTask.FromResult(count);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        base.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        base.Write(buffer.ToArray(), 0, buffer.Length);
        return ValueTask.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static InvalidOperationException SynchronousIo() => new("Synchronous I/O is not allowed on this stream.");
}
