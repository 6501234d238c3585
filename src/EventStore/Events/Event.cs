using System.Collections.Concurrent;
using System.Reflection;

namespace Reporting.EventStore.Events;

/// <summary>Everything stored with an event apart from its data.</summary>
internal sealed record EventMetadata(
    Guid Id, Guid StreamId, long Version, long Sequence, DateTimeOffset Timestamp, string EventTypeName,
    string? DotNetTypeName, string? CorrelationId, string? CausationId, IReadOnlyDictionary<string, object>? Headers,
    bool IsArchived, string TenantId = StoreDefaults.TenantId);

internal sealed class Event<T>(T data, EventMetadata metadata) : IEvent<T> where T : notnull
{
    public T Data { get; } = data;

    object IEvent.Data => Data;

    public Type EventType => typeof(T);

    public Guid Id => metadata.Id;

    public Guid StreamId => metadata.StreamId;

    public long Version => metadata.Version;

    public long Sequence => metadata.Sequence;

    public DateTimeOffset Timestamp => metadata.Timestamp;

    public string TenantId => metadata.TenantId;

    public string EventTypeName => metadata.EventTypeName;

    public string? DotNetTypeName => metadata.DotNetTypeName;

    public string? CorrelationId => metadata.CorrelationId;

    public string? CausationId => metadata.CausationId;

    public IReadOnlyDictionary<string, object>? Headers => metadata.Headers;

    public bool IsArchived => metadata.IsArchived;
}

internal static class EventFactory
{
    private static readonly ConcurrentDictionary<Type, Func<object, EventMetadata, IEvent>> Constructors = new();

    /// <summary>Wraps data in an <see cref="Event{T}"/> of its runtime type, so that handlers of <c>IEvent&lt;T&gt;</c> receive it.</summary>
    public static IEvent Create(object data, EventMetadata metadata) => Constructors.GetOrAdd(data.GetType(), BuildConstructor)(data, metadata);

    private static Func<object, EventMetadata, IEvent> BuildConstructor(Type type) =>
        typeof(EventFactory).GetMethod(nameof(Construct), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).CreateDelegate<Func<object, EventMetadata, IEvent>>();

    private static IEvent Construct<T>(object data, EventMetadata metadata) where T : notnull => new Event<T>((T)data, metadata);
}
