using Npgsql;
using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Integrity;

/// <summary>Tamper evidence over the stored events (not part of Marten).</summary>
public interface IEventStoreIntegrity
{
    /// <summary>
    /// Recomputes every hash chain and checks the signed checkpoints; the report names the first altered, deleted or
    /// reordered row. <paramref name="trustedCheckpointKeys"/> adds to the keys configured on the store.
    /// </summary>
    Task<IntegrityReport> VerifyAsync(IEnumerable<PublicKey>? trustedCheckpointKeys = null, CancellationToken cancellationToken = default);

    /// <summary>Signs a checkpoint now with the configured key; null when nothing was appended since the last one.</summary>
    Task<long?> WriteCheckpointAsync(CancellationToken cancellationToken = default);
}

internal sealed class EventStoreIntegrity(NpgsqlDataSource dataSource, StoreOptions options) : IEventStoreIntegrity
{
    public Task<IntegrityReport> VerifyAsync(IEnumerable<PublicKey>? trustedCheckpointKeys = null, CancellationToken cancellationToken = default) =>
        new IntegrityVerifier(dataSource, options.Integrity.TrustedKeys.Concat(trustedCheckpointKeys ?? [])).VerifyAsync(cancellationToken);

    public async Task<long?> WriteCheckpointAsync(CancellationToken cancellationToken = default)
    {
        var key = options.Integrity.CheckpointSigningKey
            ?? throw new InvalidOperationException("No checkpoint signing key is configured (options.Integrity.CheckpointSigningKey).");
        return (await CheckpointWriter.WriteAsync(dataSource, key, cancellationToken))?.Sequence;
    }
}
