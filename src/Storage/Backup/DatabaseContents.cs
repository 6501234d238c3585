using Npgsql;

namespace Reporting.Storage.Backup;

/// <summary>
/// What a backup must bring back, counted: the events, their streams, the last sequence number and the streams whose
/// data keys were destroyed. A restore that counts differently from its manifest has lost or gained something.
/// </summary>
public sealed record DatabaseContents(long Events, long Streams, long LastSequence, long ShreddedStreams)
{
    internal static async Task<DatabaseContents> CountAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var count = new NpgsqlCommand(
            $"SELECT (SELECT count(*) FROM {schema}.mt_events), (SELECT count(*) FROM {schema}.mt_streams), " +
            $"(SELECT coalesce(max(seq_id), 0) FROM {schema}.mt_events), (SELECT count(*) FROM {schema}.stream_keys WHERE data_key IS NULL)",
            connection);
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new DatabaseContents(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>The schema's contents, or null when the database has no such schema (an empty database to restore into).</summary>
    public static async Task<DatabaseContents?> OfAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_namespace WHERE nspname = $1", connection) { Parameters = { new() { Value = schema } } };
        return await exists.ExecuteScalarAsync(cancellationToken) is null ? null : await CountAsync(connection, schema, cancellationToken);
    }

    /// <summary>
    /// Refreshes the planner's statistics of the event tables, which a restore leaves empty: on none the projection
    /// daemon's page query sorts every remaining event for each page (docs/operations.md).
    /// </summary>
    public static async Task AnalyzeAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var analyze = new NpgsqlCommand($"ANALYZE {schema}.mt_events; ANALYZE {schema}.mt_streams", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }
}
