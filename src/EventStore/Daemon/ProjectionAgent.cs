using Microsoft.Extensions.Logging;
using Npgsql;
using Reporting.EventStore.Projections;

namespace Reporting.EventStore.Daemon;

/// <summary>
/// Runs one async projection on this host while it holds the projection's advisory lock. The lock belongs to the
/// agent's connection, so when this host dies the lock goes with it and another host's agent takes over from the
/// recorded progress at its next try.
/// </summary>
internal sealed partial class ProjectionAgent(DocumentStore store, ProjectionSource projection, ILogger logger)
{
    private static readonly TimeSpan GapRecheckInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly WakeSignal _wake = new();
    private readonly string[] _handledAliases = store.Options.Events.AliasesWhere(projection.Handles);

    public string Name => projection.Name;

    public bool IsLeading { get; private set; }

    public void Wake() => _wake.Set();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var options = store.Options;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
                if (!await TryLeadAsync(connection, cancellationToken))
                {
                    await Task.Delay(options.LeadershipPollingInterval, cancellationToken);
                    continue;
                }
                IsLeading = true;
                LogLeading(Name);
                try
                {
                    await ProjectAsync(connection, cancellationToken);
                }
                finally
                {
                    IsLeading = false;
                    await ReleaseAsync(connection);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Only the exception's type is logged: messages of projection code or the server may quote event data.
                LogFailed(Name, exception.GetType().FullName);
                await Task.Delay(RetryDelay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ProjectAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var options = store.Options;
        var gaps = new GapTracker();
        var position = await ProjectionProgress.ReadAsync(connection, Name, cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await gaps.RefreshAsync(connection, cancellationToken);
            var page = await EventPage.ReadAsync(connection, position, options.DaemonBatchSize, _handledAliases, options, cancellationToken);
            var (events, next) = page.SafePrefix(position, gaps);
            if (next > position)
            {
                position = await ProjectionProgress.AdvanceAsync(connection, store, projection, events, position, next, cancellationToken)
                    ? next
                    : await ProjectionProgress.ReadAsync(connection, Name, cancellationToken);
                continue;
            }
            await _wake.WaitAsync(gaps.IsWaiting ? GapRecheckInterval : options.DaemonPollingInterval, cancellationToken);
        }
    }

    private async Task<bool> TryLeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended('reporting.daemon.' || $1, 0))", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Name });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Pooled connections are reused without a reset and would keep session locks, so the lock is given up explicitly.</summary>
    private static async Task ReleaseAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
            return;
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection broke: the server released its locks with it.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This host now runs projection {Projection}")]
    private partial void LogLeading(string projection);

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} failed with {ExceptionType}; retrying")]
    private partial void LogFailed(string projection, string? exceptionType);
}
