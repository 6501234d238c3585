using Microsoft.Extensions.Hosting;

namespace Reporting.EventStore.Daemon;

/// <summary>The host's daemon: started after the schema migration, stopped (giving up its leadership) with the host.</summary>
internal sealed class ProjectionDaemonService(IProjectionDaemon daemon) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => daemon.StartAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => daemon.StopAllAsync();
}
