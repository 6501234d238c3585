namespace Reporting.EventStore.Events;

/// <summary>One stored event with its metadata, as Marten exposes it.</summary>
public interface IEvent
{
    Guid Id { get; }

    Guid StreamId { get; }

    /// <summary>The event's position in its stream, from 1.</summary>
    long Version { get; }

    /// <summary>The event's position in the global order of the store.</summary>
    long Sequence { get; }

    DateTimeOffset Timestamp { get; }

    string TenantId { get; }

    object Data { get; }

    Type EventType { get; }

    string EventTypeName { get; }

    string? DotNetTypeName { get; }

    string? CorrelationId { get; }

    string? CausationId { get; }

    IReadOnlyDictionary<string, object>? Headers { get; }

    bool IsArchived { get; }
}

public interface IEvent<out T> : IEvent where T : notnull
{
    new T Data { get; }
}
