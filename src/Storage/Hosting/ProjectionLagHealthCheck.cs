using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Reporting.Storage.Hosting;

/// <summary>How far behind Marten's high-water mark a projection may fall before a host stops being ready ("Health").</summary>
public sealed class ProjectionLagOptions
{
    public const string Section = "Health";

    /// <summary>Events: a burst of reports is caught up within seconds, a stalled daemon never is.</summary>
    public long MaxProjectionLag { get; set; } = 5000;
}

/// <summary>
/// Ready while every projection the daemon keeps (on whichever host leads it) is within
/// <see cref="ProjectionLagOptions.MaxProjectionLag"/> events of the high-water mark: otherwise the case list and the
/// statistics are out of date, and an operator must look at the daemon. Names shards and counts only.
/// </summary>
public sealed class ProjectionLagHealthCheck(IDocumentStore store, IOptions<ProjectionLagOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        IReadOnlyList<ShardState> shards;
        try
        {
            shards = await store.Advanced.AllProjectionProgress(token: timeout.Token);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The projections' progress cannot be read.");
        }
        var mark = shards.FirstOrDefault(shard => shard.ShardName == ShardState.HighWaterMark)?.Sequence ?? 0;
        var lags = shards.Where(shard => shard.ShardName != ShardState.HighWaterMark)
            .ToDictionary(shard => shard.ShardName, shard => (object)Math.Max(0, mark - shard.Sequence));
        var behind = lags.Where(lag => (long)lag.Value > options.Value.MaxProjectionLag).Select(lag => lag.Key).ToList();
        return behind.Count == 0
            ? HealthCheckResult.Healthy($"High-water mark {mark}; every projection within {options.Value.MaxProjectionLag} events.", lags)
            : HealthCheckResult.Unhealthy($"Behind the high-water mark {mark} by more than {options.Value.MaxProjectionLag} events: {string.Join(", ", behind)}.", data: lags);
    }
}
