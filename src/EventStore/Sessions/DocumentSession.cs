using Npgsql;
using Reporting.EventStore.Documents;
using Reporting.EventStore.Events;
using Reporting.EventStore.Projections;
using Reporting.EventStore.Shredding;
using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Sessions;

internal sealed class DocumentSession : QuerySession, IDocumentSession
{
    private readonly EventOperations _events;
    private readonly DocumentChanges _documents;
    private readonly Dictionary<string, object> _headers = new(StringComparer.Ordinal);

    internal DocumentSession(DocumentStore store, EventOperations events) : base(store, events)
    {
        _events = events;
        _documents = new DocumentChanges(store.Options.Schema);
    }

    public new IEventStore Events => _events;

    public string? CorrelationId { get; set; }

    public string? CausationId { get; set; }

    public void SetHeader(string key, object value) => _headers[key] = value;

    public void Store<T>(T document) where T : class => _documents.Store(document);

    public void Delete<T>(T document) where T : class => _documents.Delete(typeof(T), DocumentStore.Options.Schema.MappingFor(typeof(T)).IdOf(document));

    public void Delete<T>(Guid id) where T : class => _documents.Delete(typeof(T), id);

    public void Delete<T>(string id) where T : class => _documents.Delete(typeof(T), id);

    public async Task SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        if (_events.Streams.Count == 0 && _events.Archived.Count == 0 && _events.Shredded.Count == 0 && _documents.IsEmpty)
            return;
        var streams = _events.Streams.Where(stream => stream.Events.Count > 0).ToList();
        var metadata = new EventAppender.Metadata(CorrelationId, CausationId, _headers.Count > 0 ? new Dictionary<string, object>(_headers) : null);
        if (MustReadBeforeCommit(streams))
            await SaveInTransactionAsync(streams, metadata, cancellationToken);
        else
            await SaveInOneRoundTripAsync(streams, metadata, cancellationToken);
        if (streams.Count > 0)
            DocumentStore.Notifier.EventsCommitted();
        _events.Clear();
        _documents.Clear();
    }

    /// <summary>
    /// Shreddable events need their stream's data key read first, and inline projections the numbered events and the
    /// current documents: only those units of work pay for an explicit transaction.
    /// </summary>
    private bool MustReadBeforeCommit(List<StreamAction> streams)
    {
        var options = DocumentStore.Options;
        var inline = options.Projections.WithLifecycle(ProjectionLifecycle.Inline).ToList();
        return streams.Any(stream => stream.Events.Any(@event =>
            options.Shredding.CarriesShreddable(@event.GetType()) || inline.Any(projection => projection.Handles(@event.GetType()))));
    }

    /// <summary>
    /// The whole unit of work as one batch with no BEGIN: PostgreSQL runs the statements before a batch's single Sync
    /// as one implicit transaction, so a later failure still undoes an earlier append, and the commit costs no round trip of its own.
    /// </summary>
    private async Task SaveInOneRoundTripAsync(List<StreamAction> streams, EventAppender.Metadata metadata, CancellationToken cancellationToken)
    {
        await using var batch = DocumentStore.DataSource.CreateBatch();
        var pending = EventAppender.AddTo(batch, streams, metadata, DocumentStore.Options, new Dictionary<Guid, Key>());
        AddStreamAndDocumentChanges(batch);
        await EventAppender.ExecuteAsync(batch, pending, metadata, cancellationToken);
    }

    private async Task SaveInTransactionAsync(List<StreamAction> streams, EventAppender.Metadata metadata, CancellationToken cancellationToken)
    {
        var options = DocumentStore.Options;
        await using var connection = await DocumentStore.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var needKeys = streams.Where(s => s.Events.Any(e => options.Shredding.CarriesShreddable(e.GetType()))).Select(s => s.Id).ToList();
        var dataKeys = needKeys.Count == 0
            ? []
            : await StreamKeys.GetOrCreateAsync(connection, transaction, needKeys, options.KeyEncryptionKey, cancellationToken);
        List<IEvent> appended;
        try
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            var pending = EventAppender.AddTo(batch, streams, metadata, options, dataKeys);
            AddStreamAndDocumentChanges(batch);
            appended = await EventAppender.ExecuteAsync(batch, pending, metadata, cancellationToken);
        }
        finally
        {
            foreach (var key in dataKeys.Values)
                key.Dispose();
        }
        await ApplyInlineProjectionsAsync(connection, transaction, appended, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private void AddStreamAndDocumentChanges(NpgsqlBatch batch)
    {
        foreach (var streamId in _events.Shredded)
            batch.BatchCommands.Add(StreamKeys.Shred(streamId));
        foreach (var streamId in _events.Archived)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE mt_streams SET is_archived = true WHERE id = $1") { Parameters = { new NpgsqlParameter { Value = streamId } } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE mt_events SET is_archived = true WHERE stream_id = $1") { Parameters = { new NpgsqlParameter { Value = streamId } } });
        }
        DocumentWriter.AddTo(batch, _documents, DocumentStore.Options.Serializer);
    }

    private async Task ApplyInlineProjectionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<IEvent> appended, CancellationToken cancellationToken)
    {
        if (appended.Count == 0)
            return;
        ProjectionContext? context = null;
        foreach (var projection in DocumentStore.Options.Projections.WithLifecycle(ProjectionLifecycle.Inline))
        {
            var handled = appended.Where(e => projection.Handles(e.EventType)).ToList();
            if (handled.Count == 0)
                continue;
            context ??= new ProjectionContext(connection, transaction, DocumentStore.Options.Schema, DocumentStore.Options.Serializer);
            await projection.ApplyAsync(context, handled, cancellationToken);
        }
        if (context is not null)
            await context.FlushAsync(cancellationToken);
    }
}
