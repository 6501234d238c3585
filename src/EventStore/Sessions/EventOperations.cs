using Reporting.EventStore.Events;

namespace Reporting.EventStore.Sessions;

/// <summary>A session's <c>Events</c>: gathers stream actions for <c>SaveChangesAsync</c>.</summary>
internal sealed class EventOperations(DocumentStore store) : QueryEventStore(store), IEventStore
{
    private readonly Dictionary<Guid, StreamAction> _byId = [];

    public List<StreamAction> Streams { get; } = [];

    public List<Guid> Archived { get; } = [];

    public List<Guid> Shredded { get; } = [];

    public StreamAction StartStream<TAggregate>(Guid streamId, params object[] events) where TAggregate : class =>
        Start(streamId, typeof(TAggregate), events);

    public StreamAction StartStream(Guid streamId, params object[] events) => Start(streamId, null, events);

    public StreamAction Append(Guid streamId, params object[] events)
    {
        var action = ActionFor(streamId);
        action.Events.AddRange(events);
        return action;
    }

    public StreamAction Append(Guid streamId, long expectedVersion, params object[] events)
    {
        var action = ActionFor(streamId);
        action.Events.AddRange(events);
        action.ExpectedVersionBefore = expectedVersion - action.Events.Count;
        return action;
    }

    public Task<IEventStream<T>> FetchForWriting<T>(Guid streamId, CancellationToken cancellationToken = default) where T : class =>
        FetchAsync<T>(streamId, null, cancellationToken);

    public Task<IEventStream<T>> FetchForWriting<T>(Guid streamId, long expectedVersion, CancellationToken cancellationToken = default) where T : class =>
        FetchAsync<T>(streamId, expectedVersion, cancellationToken);

    public void ArchiveStream(Guid streamId) => Archived.Add(streamId);

    public void ShredStream(Guid streamId) => Shredded.Add(streamId);

    public void Clear()
    {
        _byId.Clear();
        Streams.Clear();
        Archived.Clear();
        Shredded.Clear();
    }

    private async Task<IEventStream<T>> FetchAsync<T>(Guid streamId, long? expectedVersion, CancellationToken cancellationToken) where T : class
    {
        Owner.AggregatorFor(typeof(T));
        // The expected version is the stream's true one, events of types this host does not know included, so that
        // a writer who folded only part of the stream still loses to any append made since it read.
        var (events, version) = await ReadStreamAsync(streamId, 0, null, 0, cancellationToken);
        if (expectedVersion is { } expected && expected != version)
            throw new Exceptions.EventStreamUnexpectedMaxEventIdException(streamId, expected, version);
        var action = ActionFor(streamId);
        action.ExpectedVersionBefore = version;
        return new EventStream<T>(streamId, Owner.Aggregate<T>(null, events), version, action);
    }

    private StreamAction Start(Guid streamId, Type? aggregateType, object[] events)
    {
        if (_byId.ContainsKey(streamId))
            throw new InvalidOperationException($"Stream {streamId} already has pending events in this session; start it before appending to it.");
        var action = new StreamAction(streamId, isStart: true, aggregateType);
        action.Events.AddRange(events);
        Add(action);
        return action;
    }

    private StreamAction ActionFor(Guid streamId)
    {
        if (_byId.TryGetValue(streamId, out var action))
            return action;
        action = new StreamAction(streamId, isStart: false, aggregateType: null);
        Add(action);
        return action;
    }

    private void Add(StreamAction action)
    {
        _byId[action.Id] = action;
        Streams.Add(action);
    }
}
