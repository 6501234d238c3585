using Npgsql;
using Reporting.EventStore.Documents;
using Reporting.EventStore.Serialization;

namespace Reporting.EventStore.Projections;

/// <summary>One projection pass: the transaction it writes in, and the documents it has written so far.</summary>
internal sealed class ProjectionContext(NpgsqlConnection connection, NpgsqlTransaction transaction, DocumentSchema schema, StoreSerializer serializer)
    : IDocumentOperations
{
    public DocumentChanges Changes { get; } = new(schema);

    public DocumentSchema Schema => schema;

    public Task FlushAsync(CancellationToken cancellationToken) => DocumentWriter.WriteAsync(connection, transaction, Changes, serializer, cancellationToken);

    /// <summary>Current documents by id, seeing this pass's own pending writes before the table.</summary>
    public async Task<Dictionary<object, object>> LoadManyAsync(DocumentMapping mapping, IReadOnlyCollection<object> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<object, object>();
        var toLoad = new List<object>();
        foreach (var id in ids)
        {
            if (!Changes.TryGetPending(mapping, id, out var pending))
                toLoad.Add(id);
            else if (pending is not null)
                found[id] = pending;
        }
        foreach (var (id, document) in await DocumentLoader.LoadManyAsync(connection, transaction, mapping, toLoad, serializer, cancellationToken))
            found[id] = document;
        return found;
    }

    public void Store<T>(T document) where T : class => Changes.Store(document);

    public void Delete<T>(T document) where T : class => Changes.Delete(typeof(T), schema.MappingFor(typeof(T)).IdOf(document));

    public void Delete<T>(Guid id) where T : class => Changes.Delete(typeof(T), id);

    public void Delete<T>(string id) where T : class => Changes.Delete(typeof(T), id);
}
