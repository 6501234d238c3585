using Npgsql;
using NpgsqlTypes;
using Reporting.EventStore.Events;
using Reporting.EventStore.Exceptions;
using Reporting.EventStore.Serialization;
using Reporting.EventStore.Shredding;
using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Sessions;

/// <summary>Adds one call of <c>mt_quick_append_events</c> per stream to a unit of work's batch.</summary>
internal static class EventAppender
{
    public sealed record Metadata(string? CorrelationId, string? CausationId, IReadOnlyDictionary<string, object>? Headers);

    /// <summary>One stream's append call, with what naming its events needs once the server has numbered them.</summary>
    public sealed record PendingAppend(StreamAction Stream, Guid[] Ids, string[] Aliases, string[] DotNetTypes);

    public static List<PendingAppend> AddTo(
        NpgsqlBatch batch, IReadOnlyList<StreamAction> streams, Metadata metadata, StoreOptions options, IReadOnlyDictionary<Guid, Key> dataKeys)
    {
        var (graph, serializer) = (options.Events, options.Serializer);
        var headers = metadata.Headers is { Count: > 0 } ? serializer.Serialize(metadata.Headers) : null;
        var pending = new List<PendingAppend>(streams.Count);
        foreach (var stream in streams)
        {
            var count = stream.Events.Count;
            var ids = new Guid[count];
            var aliases = new string[count];
            var dotNetTypes = new string[count];
            var bodies = new string[count];
            var precisions = new TimeSpan[count];
            for (var i = 0; i < count; i++)
            {
                var type = stream.Events[i].GetType();
                ids[i] = Guid.CreateVersion7();
                aliases[i] = graph.AliasFor(type);
                dotNetTypes[i] = EventGraph.DotNetTypeName(type);
                bodies[i] = Serialize(serializer, stream, i, dataKeys);
                precisions[i] = graph.PrecisionOf(type);
            }
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "SELECT seq_ids, versions, stamps FROM mt_quick_append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
            {
                Parameters =
                {
                    new NpgsqlParameter { Value = stream.Id },
                    new NpgsqlParameter { Value = stream.AggregateType is null ? DBNull.Value : EventGraph.ToAlias(stream.AggregateType), NpgsqlDbType = NpgsqlDbType.Text },
                    new NpgsqlParameter { Value = StoreDefaults.TenantId },
                    new NpgsqlParameter { Value = stream.IsStart },
                    new NpgsqlParameter { Value = stream.ExpectedVersionBefore is { } v ? v : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint },
                    new NpgsqlParameter { Value = ids },
                    new NpgsqlParameter { Value = aliases },
                    new NpgsqlParameter { Value = dotNetTypes },
                    new NpgsqlParameter { Value = bodies, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
                    new NpgsqlParameter { Value = precisions },
                    new NpgsqlParameter { Value = Repeat(metadata.CorrelationId, count), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                    new NpgsqlParameter { Value = Repeat(metadata.CausationId, count), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                    new NpgsqlParameter { Value = Repeat(headers, count), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
                },
            });
            pending.Add(new PendingAppend(stream, ids, aliases, dotNetTypes));
        }
        return pending;
    }

    /// <summary>
    /// Runs the batch and returns the appended events as the server numbered them. A refused append becomes the
    /// store's own exception for its stream: errors surface in order, so the failing call is the one being read.
    /// </summary>
    public static async Task<List<IEvent>> ExecuteAsync(
        NpgsqlBatch batch, IReadOnlyList<PendingAppend> pending, Metadata metadata, CancellationToken cancellationToken)
    {
        var appended = new List<IEvent>();
        var current = 0;
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            for (; current < pending.Count; current++)
            {
                var (stream, ids, aliases, dotNetTypes) = pending[current];
                await reader.ReadAsync(cancellationToken);
                var (sequences, versions, stamps) = (reader.GetFieldValue<long[]>(0), reader.GetFieldValue<long[]>(1), reader.GetFieldValue<DateTimeOffset[]>(2));
                for (var i = 0; i < ids.Length; i++)
                    appended.Add(EventFactory.Create(stream.Events[i], new EventMetadata(
                        ids[i], stream.Id, versions[i], sequences[i], stamps[i], aliases[i],
                        dotNetTypes[i], metadata.CorrelationId, metadata.CausationId, metadata.Headers, IsArchived: false)));
                await reader.NextResultAsync(cancellationToken);
            }
        }
        catch (PostgresException exception) when (current < pending.Count && exception.SqlState is "MT001" or "MT002" or "MT003")
        {
            var stream = pending[current].Stream;
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
