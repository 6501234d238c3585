using Npgsql;
using Reporting.EventStore.Projections;

namespace Reporting.EventStore.Daemon;

/// <summary>
/// Replays every event into a projection from scratch in one transaction: its documents are deleted, the events up
/// to a point with no open gap below it are applied page by page, and its progress is set to that point. The
/// progress row stays locked throughout, so a running leader waits, finds its position moved, and resumes from it.
/// </summary>
internal static class ProjectionRebuild
{
    private const int PageSize = 10_000;

    public static async Task RunAsync(DocumentStore store, ProjectionSource projection, CancellationToken cancellationToken)
    {
        var options = store.Options;
        var aliases = options.Events.AliasesWhere(projection.Handles);
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        var ceiling = await GapTracker.SettledCeilingAsync(connection, cancellationToken);

        await ProjectionProgress.ReadAsync(connection, projection.Name, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var claim = new NpgsqlCommand("SELECT 1 FROM mt_event_progression WHERE name = $1 FOR UPDATE", connection, transaction))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = projection.Name });
            await claim.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var type in projection.DocumentTypes)
        {
            await using var clear = new NpgsqlCommand($"DELETE FROM {options.Schema.MappingFor(type).TableName}", connection, transaction);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var position = 0L; position < ceiling;)
        {
            var rows = await EventPage.ReadRowsAsync(connection, transaction, position, ceiling, PageSize, aliases, options, cancellationToken);
            if (rows.Count == 0)
                break;
            var context = new ProjectionContext(connection, transaction, options.Schema, options.Serializer);
            await projection.ApplyAsync(context, rows.Where(row => row.Event is not null).Select(row => row.Event!).ToList(), cancellationToken);
            await context.FlushAsync(cancellationToken);
            position = rows[^1].Sequence;
        }

        await using (var done = new NpgsqlCommand("UPDATE mt_event_progression SET last_seq_id = $2, last_updated = now() WHERE name = $1", connection, transaction))
        {
            done.Parameters.Add(new NpgsqlParameter { Value = projection.Name });
            done.Parameters.Add(new NpgsqlParameter { Value = ceiling });
            await done.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
