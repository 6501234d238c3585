using Npgsql;
using NpgsqlTypes;
using Reporting.EventStore.Events;
using Reporting.EventStore.Exceptions;
using Reporting.EventStore.Serialization;
using Reporting.EventStore.Shredding;
using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Sessions;

/// <summary>Adds one call of <c>mt_append_streams</c>, for every stream of a unit of work, to its batch.</summary>
internal static class EventAppender
{
    public sealed record Metadata(string? CorrelationId, string? CausationId, IReadOnlyDictionary<string, object>? Headers);

    /// <summary>One stream's part of the append call, with what naming its events needs once the server has numbered them.</summary>
    public sealed record PendingAppend(StreamAction Stream, Guid[] Ids, string[] Aliases, string[] DotNetTypes);

    public static List<PendingAppend> AddTo(
        NpgsqlBatch batch, IReadOnlyList<StreamAction> streams, Metadata metadata, StoreOptions options, IReadOnlyDictionary<Guid, Key> dataKeys)
    {
        var pending = new List<PendingAppend>(streams.Count);
        if (streams.Count == 0)
            return pending;
        var (graph, serializer) = (options.Events, options.Serializer);
        var headers = metadata.Headers is { Count: > 0 } ? serializer.Serialize(metadata.Headers) : null;
        var total = streams.Sum(stream => stream.Events.Count);
        var (ids, aliases, dotNetTypes, bodies, precisions) = (new Guid[total], new string[total], new string[total], new string[total], new TimeSpan[total]);
        var e = 0;
        foreach (var stream in streams)
        {
            var first = e;
            for (var i = 0; i < stream.Events.Count; i++, e++)
            {
                var type = stream.Events[i].GetType();
                ids[e] = Guid.CreateVersion7();
                aliases[e] = graph.AliasFor(type);
                dotNetTypes[e] = EventGraph.DotNetTypeName(type);
                bodies[e] = Serialize(serializer, stream, i, dataKeys);
                precisions[e] = graph.PrecisionOf(type);
            }
            pending.Add(new PendingAppend(stream, ids[first..e], aliases[first..e], dotNetTypes[first..e]));
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT seq_ids, versions, stamps FROM mt_append_streams($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)")
        {
            Parameters =
            {
                new NpgsqlParameter { Value = StoreDefaults.TenantId },
                new NpgsqlParameter { Value = streams.Select(stream => stream.Id).ToArray() },
                new NpgsqlParameter { Value = streams.Select(stream => stream.AggregateType is null ? null : EventGraph.ToAlias(stream.AggregateType)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new NpgsqlParameter { Value = streams.Select(stream => stream.IsStart).ToArray() },
                new NpgsqlParameter { Value = streams.Select(stream => stream.ExpectedVersionBefore).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint },
                new NpgsqlParameter { Value = streams.Select(stream => stream.Events.Count).ToArray() },
                new NpgsqlParameter { Value = ids },
                new NpgsqlParameter { Value = aliases },
                new NpgsqlParameter { Value = dotNetTypes },
                new NpgsqlParameter { Value = bodies, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
                new NpgsqlParameter { Value = precisions },
                new NpgsqlParameter { Value = Repeat(metadata.CorrelationId, total), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new NpgsqlParameter { Value = Repeat(metadata.CausationId, total), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                new NpgsqlParameter { Value = Repeat(headers, total), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
            },
        });
        return pending;
    }

    /// <summary>
    /// Runs the batch and returns the appended events as the server numbered them. A refused append becomes the
    /// store's own exception for the stream the server names.
    /// </summary>
    public static async Task<List<IEvent>> ExecuteAsync(
        NpgsqlBatch batch, IReadOnlyList<PendingAppend> pending, Metadata metadata, CancellationToken cancellationToken)
    {
        var appended = new List<IEvent>();
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            if (pending.Count == 0)
                return appended;
            await reader.ReadAsync(cancellationToken);
            var (sequences, versions, stamps) = (reader.GetFieldValue<long[]>(0), reader.GetFieldValue<long[]>(1), reader.GetFieldValue<DateTimeOffset[]>(2));
            var e = 0;
            foreach (var (stream, ids, aliases, dotNetTypes) in pending)
                for (var i = 0; i < ids.Length; i++, e++)
                    appended.Add(EventFactory.Create(stream.Events[i], new EventMetadata(
                        ids[i], stream.Id, versions[e], sequences[e], stamps[e], aliases[i],
                        dotNetTypes[i], metadata.CorrelationId, metadata.CausationId, metadata.Headers, IsArchived: false)));
        }
        catch (PostgresException exception) when (exception.SqlState is "MT001" or "MT002" or "MT003"
            && pending.FirstOrDefault(append => exception.MessageText.Contains(append.Stream.Id.ToString(), StringComparison.Ordinal)) is { } refused)
        {
            var stream = refused.Stream;
            throw exception.SqlState switch
            {
                "MT001" => new EventStreamUnexpectedMaxEventIdException(stream.Id, stream.ExpectedVersionBefore ?? 0, null),
                "MT002" => new ExistingStreamIdCollisionException(stream.Id, stream.AggregateType),
                _ => new InvalidStreamOperationException($"Stream {stream.Id} is archived; no events can be appended to it."),
            };
        }
        return appended;
    }

    private static string Serialize(StoreSerializer serializer, StreamAction stream, int index, IReadOnlyDictionary<Guid, Key> dataKeys)
    {
        using (ShreddingScope.Enter(stream.Id, dataKeys.GetValueOrDefault(stream.Id)))
            return serializer.Serialize(stream.Events[index]);
    }

    private static string?[] Repeat(string? value, int count) => Enumerable.Repeat(value, count).ToArray();
}
