using Npgsql;

namespace Reporting.EventStore.Daemon;

/// <summary>Wakes the agents when an append commits (<c>NOTIFY mt_events</c>); their polling covers any lost notification.</summary>
internal sealed class EventNotificationListener(NpgsqlDataSource dataSource, Action notified, TimeSpan retryDelay)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, _) => notified();
                await using (var listen = new NpgsqlCommand("LISTEN mt_events", connection))
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                try
                {
                    notified();
                    while (true)
                        await connection.WaitAsync(cancellationToken);
                }
                finally
                {
                    await UnlistenAsync(connection);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException)
            {
                await Task.Delay(retryDelay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Pooled connections are reused without a reset, so the connection goes back listening to nothing.</summary>
    private static async Task UnlistenAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
            return;
        try
        {
            await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
            await unlisten.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection broke: the server dropped its LISTEN with it.
        }
    }
}
