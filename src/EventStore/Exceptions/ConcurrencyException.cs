namespace Reporting.EventStore.Exceptions;

/// <summary>Another writer changed the stream since it was read; reload and decide again.</summary>
public class ConcurrencyException(string message, Guid streamId) : Exception(message)
{
    public Guid StreamId { get; } = streamId;
}

/// <summary>The stream's version was not the one the append expected.</summary>
public sealed class EventStreamUnexpectedMaxEventIdException(Guid streamId, long expectedVersion, long? actualVersion)
    : ConcurrencyException(actualVersion is null
        ? $"Unexpected version for stream {streamId}: expected {expectedVersion}."
        : $"Unexpected version for stream {streamId}: expected {expectedVersion}, actual {actualVersion}.", streamId)
{
    public long ExpectedVersion { get; } = expectedVersion;

    public long? ActualVersion { get; } = actualVersion;
}
