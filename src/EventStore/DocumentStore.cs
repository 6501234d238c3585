using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Reporting.EventStore.Daemon;
using Reporting.EventStore.Aggregation;
using Reporting.EventStore.Events;
using Reporting.EventStore.Projections;
using Reporting.EventStore.Sessions;

namespace Reporting.EventStore;

/// <summary>The store: one per process, sessions from it are cheap and short-lived.</summary>
public interface IDocumentStore
{
    StoreOptions Options { get; }

    IDocumentSession LightweightSession();

    IQuerySession QuerySession();

    /// <summary>A daemon for this store's async projections; the host runs one as a hosted service.</summary>
    IProjectionDaemon BuildProjectionDaemon(ILogger? logger = null);
}

public sealed class DocumentStore(NpgsqlDataSource dataSource, StoreOptions options) : IDocumentStore, IAsyncDisposable
{
    private readonly ConcurrentDictionary<Type, Aggregator> _aggregators = new();
    private readonly AppendNotifier _notifier = new(dataSource);

    public StoreOptions Options => options;

    internal NpgsqlDataSource DataSource => dataSource;

    internal AppendNotifier Notifier => _notifier;

    public ValueTask DisposeAsync() => _notifier.DisposeAsync();

    public IDocumentSession LightweightSession() => new DocumentSession(this, new EventOperations(this));

    public IQuerySession QuerySession() => new QuerySession(this, new QueryEventStore(this));

    public IProjectionDaemon BuildProjectionDaemon(ILogger? logger = null) => new ProjectionDaemon(this, logger ?? NullLogger.Instance);

    /// <summary>Folds events with the conventions of the single-stream projection of <typeparamref name="T"/> if there is one, else of <typeparamref name="T"/> itself.</summary>
    internal T? Aggregate<T>(T? state, IEnumerable<IEvent> events) where T : class
    {
        var aggregator = AggregatorFor(typeof(T));
        object? current = state;
        foreach (var @event in events)
            current = aggregator.Apply(current, @event);
        return (T?)current;
    }

    /// <summary>Also registers the event types the aggregate handles, so that reading its stream can resolve them.</summary>
    internal Aggregator AggregatorFor(Type type) => _aggregators.GetOrAdd(type, aggregateType =>
    {
        var aggregator = options.Projections.AggregatingInto(aggregateType)?.Aggregator ?? new Aggregator(aggregateType);
        options.Events.AddEventTypes(aggregator.EventTypes);
        return aggregator;
    });
}
