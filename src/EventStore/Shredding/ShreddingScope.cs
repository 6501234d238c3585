using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Shredding;

/// <summary>
/// The stream whose event is being serialized, and its data key (null once shredded), for the duration of one
/// synchronous serializer call on this thread.
/// </summary>
internal sealed class ShreddingScope : IDisposable
{
    [ThreadStatic]
    private static ShreddingScope? _current;

    private readonly ShreddingScope? _outer;

    private ShreddingScope(Guid streamId, Key? dataKey)
    {
        StreamId = streamId;
        DataKey = dataKey;
        _outer = _current;
        _current = this;
    }

    public static ShreddingScope? Current => _current;

    public Guid StreamId { get; }

    public Key? DataKey { get; }

    public static ShreddingScope Enter(Guid streamId, Key? dataKey) => new(streamId, dataKey);

    public void Dispose() => _current = _outer;
}
