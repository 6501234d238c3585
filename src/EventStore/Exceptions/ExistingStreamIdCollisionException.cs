namespace Reporting.EventStore.Exceptions;

/// <summary>StartStream was called for a stream id that already exists.</summary>
public sealed class ExistingStreamIdCollisionException(Guid streamId, Type? aggregateType)
    : Exception($"Stream {streamId} already exists; it cannot be started again.")
{
    public Guid Id { get; } = streamId;

    public Type? AggregateType { get; } = aggregateType;
}
