using Marten;
using Marten.Services;
using Npgsql;

namespace Reporting.Storage.Confinement;

/// <summary>
/// Marten sessions whose every statement runs in one transaction that names the streams it may touch
/// (<c>reporting.streams</c>, local to the transaction). The intake role's row-level security policies (made by
/// <c>reporting db roles</c>) let it see and write only rows of the streams so named, which it can name only from a
/// receipt: an intake host's database login cannot read or list any other case. For the schema's owner, which a
/// single-machine deployment uses, the policies do not apply, and the setting costs one statement.
/// </summary>
public sealed class StreamConfinedSessions(IDocumentStore store, NpgsqlDataSource dataSource)
{
    public const string Setting = "reporting.streams";

    /// <summary>A session for reading and appending; <see cref="IDocumentSession.SaveChangesAsync"/> commits.</summary>
    public async Task<ConfinedSession<IDocumentSession>> LightweightSessionAsync(IEnumerable<Guid> streams, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await BeginAsync(streams, cancellationToken);
        return new(store.LightweightSession(SessionOptions.ForTransaction(transaction, shouldAutoCommit: true)), connection);
    }

    /// <summary>A session for reading only; its transaction ends, changing nothing, when it is disposed.</summary>
    public async Task<ConfinedSession<IQuerySession>> QuerySessionAsync(Guid stream, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await BeginAsync([stream], cancellationToken);
        return new(store.QuerySession(SessionOptions.ForTransaction(transaction)), connection);
    }

    private async Task<(NpgsqlConnection, NpgsqlTransaction)> BeginAsync(IEnumerable<Guid> streams, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var name = new NpgsqlCommand($"SELECT set_config('{Setting}', $1, true)", connection, transaction);
            name.Parameters.Add(new() { Value = string.Join(',', streams) });
            await name.ExecuteNonQueryAsync(cancellationToken);
            return (connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A session with the connection it runs on, which Marten does not own here and so would not close.</summary>
public sealed class ConfinedSession<TSession>(TSession session, NpgsqlConnection connection) : IAsyncDisposable where TSession : IQuerySession
{
    public TSession Session { get; } = session;

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        // Disposing the connection rolls back a transaction that was not committed and returns it to the pool.
        await connection.DisposeAsync();
    }
}
