using Reporting.EventStore.Events;
using Reporting.EventStore.Projections;

namespace Reporting.EventStore.Sessions;

/// <summary>A unit of work: events and documents gathered, then committed together by <see cref="SaveChangesAsync"/>.</summary>
public interface IDocumentSession : IQuerySession, IDocumentOperations
{
    new IEventStore Events { get; }

    /// <summary>Stored with every event this session appends.</summary>
    string? CorrelationId { get; set; }

    /// <summary>Stored with every event this session appends.</summary>
    string? CausationId { get; set; }

    /// <summary>A header stored with every event this session appends. Never put personal data here: headers are not shreddable.</summary>
    void SetHeader(string key, object value);

    /// <summary>Appends, archives, documents and inline projections, all in one transaction.</summary>
    Task SaveChangesAsync(CancellationToken cancellationToken = default);
}

public interface IEventStore : IQueryEventStore
{
    /// <summary>Starts a new stream; saving fails with <c>ExistingStreamIdCollisionException</c> if the id is taken.</summary>
    StreamAction StartStream<TAggregate>(Guid streamId, params object[] events) where TAggregate : class;

    StreamAction StartStream(Guid streamId, params object[] events);

    /// <summary>Appends to a stream, creating it if needed, whatever its version.</summary>
    StreamAction Append(Guid streamId, params object[] events);

    /// <summary>Appends, requiring the stream to be at <paramref name="expectedVersion"/> after these events, as Marten does.</summary>
    StreamAction Append(Guid streamId, long expectedVersion, params object[] events);

    /// <summary>The current aggregate and version; appends through it fail on save if another writer got there first.</summary>
    Task<IEventStream<T>> FetchForWriting<T>(Guid streamId, CancellationToken cancellationToken = default) where T : class;

    /// <summary>As above, and fails at once unless the stream is at <paramref name="expectedVersion"/> now.</summary>
    Task<IEventStream<T>> FetchForWriting<T>(Guid streamId, long expectedVersion, CancellationToken cancellationToken = default) where T : class;

    /// <summary>Marks the stream and its events archived; no event can be appended to it afterwards.</summary>
    void ArchiveStream(Guid streamId);

    /// <summary>
    /// Destroys the stream's data key, so that its shreddable fields read as shredded from then on, and records when.
    /// Events stay as they are, so the hash chain still verifies. Not part of Marten.
    /// </summary>
    void ShredStream(Guid streamId);
}
