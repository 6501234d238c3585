using Reporting.EventStore.Documents;
using Reporting.EventStore.Events;

namespace Reporting.EventStore.Sessions;

/// <summary>Reads documents and events; holds no connection between calls.</summary>
public interface IQuerySession : IAsyncDisposable, IDisposable
{
    IQueryEventStore Events { get; }

    Task<T?> LoadAsync<T>(Guid id, CancellationToken cancellationToken = default) where T : class;

    Task<T?> LoadAsync<T>(string id, CancellationToken cancellationToken = default) where T : class;

    DocumentQuery<T> Query<T>() where T : class;
}

public interface IQueryEventStore
{
    /// <summary>
    /// The stream's events in order; <paramref name="version"/> or <paramref name="timestamp"/> stop at a point in the past.
    /// Events whose type this store does not register are left out; the others keep their stored versions.
    /// </summary>
    Task<IReadOnlyList<IEvent>> FetchStreamAsync(Guid streamId, long version = 0, DateTimeOffset? timestamp = null, long fromVersion = 0, CancellationToken cancellationToken = default);

    /// <summary>The aggregate folded live from the stream, optionally as of a version or a time; null if no event created it.</summary>
    Task<T?> AggregateStreamAsync<T>(Guid streamId, long version = 0, DateTimeOffset? timestamp = null, T? state = null, long fromVersion = 0, CancellationToken cancellationToken = default) where T : class;

    Task<StreamState?> FetchStreamStateAsync(Guid streamId, CancellationToken cancellationToken = default);
}
