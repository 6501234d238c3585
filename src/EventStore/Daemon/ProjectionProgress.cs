using Npgsql;
using Reporting.EventStore.Events;
using Reporting.EventStore.Projections;

namespace Reporting.EventStore.Daemon;

/// <summary>A projection's position in <c>mt_event_progression</c>, moved in the same transaction as its documents.</summary>
internal static class ProjectionProgress
{
    public static async Task<long> ReadAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO mt_event_progression (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await command.ExecuteNonQueryAsync(cancellationToken);
        await using var read = new NpgsqlCommand("SELECT last_seq_id FROM mt_event_progression WHERE name = $1", connection);
        read.Parameters.Add(new NpgsqlParameter { Value = name });
        return (long)(await read.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Applies the events and moves the position from <paramref name="from"/> to <paramref name="to"/>, or does nothing
    /// and returns false when the position is no longer <paramref name="from"/> (a rebuild or another leader moved it).
    /// The position is claimed first, so that a competing writer waits on its row instead of writing documents.
    /// </summary>
    public static async Task<bool> AdvanceAsync(
        NpgsqlConnection connection, DocumentStore store, ProjectionSource projection, IReadOnlyList<IEvent> events, long from, long to, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var claim = new NpgsqlCommand(
            "UPDATE mt_event_progression SET last_seq_id = $3, last_updated = now() WHERE name = $1 AND last_seq_id = $2", connection, transaction))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = projection.Name });
            claim.Parameters.Add(new NpgsqlParameter { Value = from });
            claim.Parameters.Add(new NpgsqlParameter { Value = to });
            if (await claim.ExecuteNonQueryAsync(cancellationToken) != 1)
                return false;
        }
        if (events.Count > 0)
        {
            var context = new ProjectionContext(connection, transaction, store.Options.Schema, store.Options.Serializer);
            await projection.ApplyAsync(context, events, cancellationToken);
            await context.FlushAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
