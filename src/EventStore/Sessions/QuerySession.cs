using Npgsql;
using Reporting.EventStore.Documents;

namespace Reporting.EventStore.Sessions;

internal class QuerySession : IQuerySession
{
    internal QuerySession(DocumentStore store, QueryEventStore events)
    {
        DocumentStore = store;
        Events = events;
    }

    internal DocumentStore DocumentStore { get; }

    public IQueryEventStore Events { get; }

    public Task<T?> LoadAsync<T>(Guid id, CancellationToken cancellationToken = default) where T : class => LoadByIdAsync<T>(id, cancellationToken);

    public Task<T?> LoadAsync<T>(string id, CancellationToken cancellationToken = default) where T : class => LoadByIdAsync<T>(id, cancellationToken);

    public DocumentQuery<T> Query<T>() where T : class => new(DocumentStore.DataSource, DocumentStore.Options.Schema.MappingFor(typeof(T)), DocumentStore.Options.Serializer);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<T?> LoadByIdAsync<T>(object id, CancellationToken cancellationToken) where T : class
    {
        var mapping = DocumentStore.Options.Schema.MappingFor(typeof(T));
        await using var connection = await DocumentStore.DataSource.OpenConnectionAsync(cancellationToken);
        var found = await DocumentLoader.LoadManyAsync(connection, null, mapping, [id], DocumentStore.Options.Serializer, cancellationToken);
        return found.Values.SingleOrDefault() as T;
    }
}
