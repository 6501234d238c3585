using Npgsql;
using Reporting.EventStore.Events;
using Reporting.EventStore.Sessions;

namespace Reporting.EventStore.Daemon;

/// <summary>
/// The events after a position, read in one snapshot together with that snapshot's identity and highest visible
/// sequence number. Only events the projection handles are deserialized; the others only advance its position.
/// </summary>
internal sealed record EventPage(IReadOnlyList<(long Sequence, IEvent? Event)> Rows, string Snapshot, long HighestVisible)
{
    public static async Task<EventPage> ReadAsync(NpgsqlConnection connection, long after, int limit, string[] handledAliases, StoreOptions options, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var (snapshot, highest) = await ReadHeadAsync(connection, transaction, cancellationToken);
        var rows = await ReadRowsAsync(connection, transaction, after, long.MaxValue, limit, handledAliases, options, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EventPage(rows, snapshot, highest);
    }

    /// <summary>The current snapshot and the highest sequence number visible in it.</summary>
    public static async Task<(string Snapshot, long HighestVisible)> ReadHeadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var head = new NpgsqlCommand("SELECT pg_current_snapshot()::text, coalesce((SELECT max(seq_id) FROM mt_events), 0)", connection, transaction);
        await using var reader = await head.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetString(0), reader.GetInt64(1));
    }

    public static async Task<List<(long Sequence, IEvent? Event)>> ReadRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long after, long upTo, int limit, string[] handledAliases, StoreOptions options, CancellationToken cancellationToken)
    {
        var rows = new List<(long, IEvent?)>();
        var columns = EventReader.Columns.Replace("data::text", "CASE WHEN type = ANY($2) THEN data::text END", StringComparison.Ordinal);
        await using var command = new NpgsqlCommand($"SELECT {columns} FROM {EventReader.From} WHERE seq_id > $1 AND seq_id <= $4 ORDER BY seq_id LIMIT $3", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = handledAliases });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = upTo });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add((reader.GetInt64(EventReader.SequenceColumn),
                reader.IsDBNull(EventReader.DataColumn) ? null : EventReader.Read(reader, options)));
        return rows;
    }

    /// <summary>The leading events that can be applied now: up to the first gap that is not known to be final.</summary>
    public (List<IEvent> Events, long Position) SafePrefix(long after, GapTracker gaps)
    {
        var events = new List<IEvent>();
        var position = after;
        foreach (var (sequence, @event) in Rows)
        {
            if (sequence != position + 1 && sequence - 1 > gaps.FinalUpTo)
            {
                gaps.WaitFor(Snapshot, HighestVisible);
                break;
            }
            position = sequence;
            if (@event is not null)
                events.Add(@event);
        }
        return (events, position);
    }
}
