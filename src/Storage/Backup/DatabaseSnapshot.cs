using Npgsql;

namespace Reporting.Storage.Backup;

/// <summary>
/// A repeatable-read transaction held open with its snapshot exported, so that <c>pg_dump --snapshot</c> dumps exactly
/// what <see cref="Contents"/> counted, while the hosts go on writing.
/// </summary>
public sealed class DatabaseSnapshot : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private DatabaseSnapshot(NpgsqlConnection connection, NpgsqlTransaction transaction, string id, DatabaseContents contents)
    {
        _connection = connection;
        _transaction = transaction;
        Id = id;
        Contents = contents;
    }

    /// <summary>The exported snapshot's name, for <c>pg_dump --snapshot</c>.</summary>
    public string Id { get; }

    public DatabaseContents Contents { get; }

    public static async Task<DatabaseSnapshot> ExportAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            // The snapshot is taken by the transaction's first statement: export it before counting, so that both see one state.
            await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
            var id = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
            return new DatabaseSnapshot(connection, transaction, id, await DatabaseContents.CountAsync(connection, schema, cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
