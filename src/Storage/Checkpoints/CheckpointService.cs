using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Reporting.Storage.Verification;

namespace Reporting.Storage.Checkpoints;

/// <summary>Signs a checkpoint every <see cref="IntegrityOptions.CheckpointInterval"/> on hosts that hold the signing key.</summary>
internal sealed partial class CheckpointService(IEventStoreIntegrity integrity, IOptions<IntegrityOptions> options, ILogger<CheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CheckpointSigningKey is null)
            return;
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await integrity.WriteCheckpointAsync(stoppingToken) is { } sequence)
                    LogCheckpoint(sequence);
            }
            catch (NpgsqlException exception)
            {
                LogFailed(exception.SqlState);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed an event store checkpoint at event {Sequence}")]
    private partial void LogCheckpoint(long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write an event store checkpoint (SQL state {SqlState}); trying again at the next interval")]
    private partial void LogFailed(string? sqlState);
}
