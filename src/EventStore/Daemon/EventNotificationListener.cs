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
                notified();
                while (true)
                    await connection.WaitAsync(cancellationToken);
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
}
