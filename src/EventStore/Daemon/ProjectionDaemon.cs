using Microsoft.Extensions.Logging;
using Npgsql;
using Reporting.EventStore.Projections;

namespace Reporting.EventStore.Daemon;

/// <summary>Runs the async projections: one agent each, leading on at most one host at a time.</summary>
public interface IProjectionDaemon : IAsyncDisposable
{
    Task StartAllAsync(CancellationToken cancellationToken = default);

    Task StopAllAsync();

    /// <summary>Whether this daemon is the one projecting <paramref name="projectionName"/> right now.</summary>
    bool IsLeading(string projectionName);

    /// <summary>Deletes the projection's documents and replays every event into it; async or inline alike.</summary>
    Task RebuildProjectionAsync(string projectionName, CancellationToken cancellationToken = default);

    /// <summary>Waits until every async projection has applied every event committed before the call.</summary>
    Task WaitForNonStaleDataAsync(TimeSpan timeout, CancellationToken cancellationToken = default);
}

internal sealed class ProjectionDaemon : IProjectionDaemon
{
    private readonly DocumentStore _store;
    private readonly List<ProjectionAgent> _agents;
    private CancellationTokenSource? _stopping;
    private List<Task> _running = [];

    public ProjectionDaemon(DocumentStore store, ILogger logger)
    {
        _store = store;
        _agents = store.Options.Projections.WithLifecycle(ProjectionLifecycle.Async).Select(p => new ProjectionAgent(store, p, logger)).ToList();
    }

    public Task StartAllAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping is not null || _agents.Count == 0)
            return Task.CompletedTask;
        _stopping = new CancellationTokenSource();
        var listener = new EventNotificationListener(_store.DataSource, () => _agents.ForEach(agent => agent.Wake()), _store.Options.DaemonPollingInterval);
        _running = [Task.Run(() => listener.RunAsync(_stopping.Token), CancellationToken.None),
            .. _agents.Select(agent => Task.Run(() => agent.RunAsync(_stopping.Token), CancellationToken.None))];
        return Task.CompletedTask;
    }

    public async Task StopAllAsync()
    {
        if (_stopping is null)
            return;
        await _stopping.CancelAsync();
        await Task.WhenAll(_running);
        _stopping.Dispose();
        _stopping = null;
    }

    public bool IsLeading(string projectionName) => _agents.Any(agent => agent.Name == projectionName && agent.IsLeading);

    public Task RebuildProjectionAsync(string projectionName, CancellationToken cancellationToken = default) =>
        ProjectionRebuild.RunAsync(_store, _store.Options.Projections.Named(projectionName), cancellationToken);

    public async Task WaitForNonStaleDataAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var names = _store.Options.Projections.WithLifecycle(ProjectionLifecycle.Async).Select(p => p.Name).ToArray();
        await using var connection = await _store.DataSource.OpenConnectionAsync(deadline.Token);
        var (_, target) = await EventPage.ReadHeadAsync(connection, null, deadline.Token);
        await using var behind = new NpgsqlCommand(
            "SELECT count(*) FROM unnest($1::text[]) AS n (name) LEFT JOIN mt_event_progression p USING (name) WHERE coalesce(p.last_seq_id, 0) < $2", connection);
        behind.Parameters.Add(new NpgsqlParameter { Value = names });
        behind.Parameters.Add(new NpgsqlParameter { Value = target });
        try
        {
            while ((long)(await behind.ExecuteScalarAsync(deadline.Token))! > 0)
                await Task.Delay(50, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The async projections did not reach event {target} within {timeout}.");
        }
    }

    public async ValueTask DisposeAsync() => await StopAllAsync();
}
