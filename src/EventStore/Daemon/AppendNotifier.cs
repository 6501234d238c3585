using Npgsql;

namespace Reporting.EventStore.Daemon;

/// <summary>
/// Tells listening daemons that events were committed, outside the appending transactions. A NOTIFY inside them
/// would take PostgreSQL's global notification lock until their commit is flushed, serializing every append and
/// defeating group commit. Appends in quick succession share one notification; the daemons' polling covers a loss.
/// </summary>
internal sealed class AppendNotifier(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private static readonly TimeSpan Coalescing = TimeSpan.FromMilliseconds(20);

    private readonly SemaphoreSlim _pending = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startLock = new();
    private Task? _loop;

    public void EventsCommitted()
    {
        if (_loop is null)
            lock (_startLock)
                _loop ??= Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        if (_pending.CurrentCount == 0)
        {
            try
            {
                _pending.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another append signalled first; one notification serves both.
            }
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _pending.WaitAsync(cancellationToken);
                await using (var notify = dataSource.CreateCommand("SELECT pg_notify('mt_events', '')"))
                    await notify.ExecuteNonQueryAsync(cancellationToken);
                await Task.Delay(Coalescing, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException)
            {
                // The database is unreachable for now; the next append retries and the daemons keep polling.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
            await _loop;
        _stopping.Dispose();
        _pending.Dispose();
    }
}
