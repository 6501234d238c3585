namespace Reporting.EventStore.Integrity;

/// <summary>Tamper evidence over the stored events (not part of Marten).</summary>
public interface IEventStoreIntegrity
{
    /// <summary>Recomputes every hash chain; the report names the first altered, deleted or reordered row.</summary>
    Task<IntegrityReport> VerifyAsync(CancellationToken cancellationToken = default);
}

internal sealed class EventStoreIntegrity(Npgsql.NpgsqlDataSource dataSource) : IEventStoreIntegrity
{
    public Task<IntegrityReport> VerifyAsync(CancellationToken cancellationToken = default) => new IntegrityVerifier(dataSource).VerifyAsync(cancellationToken);
}
