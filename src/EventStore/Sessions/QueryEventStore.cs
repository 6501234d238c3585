using Npgsql;
using NpgsqlTypes;
using Reporting.EventStore.Events;

namespace Reporting.EventStore.Sessions;

internal class QueryEventStore(DocumentStore store) : IQueryEventStore
{
    private protected DocumentStore Owner { get; } = store;

    public async Task<IReadOnlyList<IEvent>> FetchStreamAsync(Guid streamId, long version = 0, DateTimeOffset? timestamp = null, long fromVersion = 0, CancellationToken cancellationToken = default) =>
        (await ReadStreamAsync(streamId, version, timestamp, fromVersion, cancellationToken)).Events;

    /// <summary>
    /// The stream's events of registered types, and the version of the last row read whatever its type: the true
    /// version of the stream as read, which skipped events still count towards.
    /// </summary>
    private protected async Task<(List<IEvent> Events, long LastVersion)> ReadStreamAsync(
        Guid streamId, long version, DateTimeOffset? timestamp, long fromVersion, CancellationToken cancellationToken)
    {
        await using var command = Owner.DataSource.CreateCommand($"""
            SELECT {EventReader.Columns} FROM {EventReader.From}
            WHERE stream_id = $1 AND ($2 = 0 OR version <= $2) AND ($3::timestamptz IS NULL OR timestamp <= $3) AND version >= $4
            ORDER BY version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        command.Parameters.Add(new NpgsqlParameter { Value = timestamp is { } t ? t : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = fromVersion });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<IEvent>();
        long lastVersion = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            lastVersion = reader.GetInt64(EventReader.VersionColumn);
            if (EventReader.Read(reader, Owner.Options) is { } @event)
                events.Add(@event);
        }
        return (events, lastVersion);
    }

    public async Task<T?> AggregateStreamAsync<T>(Guid streamId, long version = 0, DateTimeOffset? timestamp = null, T? state = null, long fromVersion = 0, CancellationToken cancellationToken = default) where T : class
    {
        Owner.AggregatorFor(typeof(T));
        var events = await FetchStreamAsync(streamId, version, timestamp, fromVersion, cancellationToken);
        return Owner.Aggregate(state, events);
    }

    public async Task<StreamState?> FetchStreamStateAsync(Guid streamId, CancellationToken cancellationToken = default)
    {
        await using var command = Owner.DataSource.CreateCommand("SELECT version, type, timestamp, created, is_archived FROM mt_streams WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new StreamState(streamId, reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4));
    }
}
