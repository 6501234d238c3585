using Microsoft.Extensions.Options;
using Npgsql;
using NSec.Cryptography;
using Reporting.Storage.Checkpoints;
using Reporting.Storage.Hosting;

namespace Reporting.Storage.Verification;

/// <summary>Tamper evidence over Marten's stored events (not part of Marten).</summary>
public interface IEventStoreIntegrity
{
    /// <summary>
    /// Recomputes every hash chain and checks the signed checkpoints; the report names the first altered, deleted or
    /// reordered row. <paramref name="trustedCheckpointKeys"/> adds to the keys configured.
    /// </summary>
    Task<IntegrityReport> VerifyAsync(IEnumerable<PublicKey>? trustedCheckpointKeys = null, CancellationToken cancellationToken = default);

    /// <summary>Signs a checkpoint now with the configured key; null when the high-water mark has not moved since the last one.</summary>
    Task<long?> WriteCheckpointAsync(CancellationToken cancellationToken = default);
}

internal sealed class EventStoreIntegrity(NpgsqlDataSource dataSource, DatabaseOptions database, IOptions<IntegrityOptions> options) : IEventStoreIntegrity
{
    public Task<IntegrityReport> VerifyAsync(IEnumerable<PublicKey>? trustedCheckpointKeys = null, CancellationToken cancellationToken = default) =>
        new IntegrityVerifier(dataSource, database.Schema, options.Value.TrustedKeys.Concat(trustedCheckpointKeys ?? [])).VerifyAsync(cancellationToken);

    public async Task<long?> WriteCheckpointAsync(CancellationToken cancellationToken = default)
    {
        var key = options.Value.CheckpointSigningKey
            ?? throw new InvalidOperationException("No checkpoint signing key is configured (IntegrityOptions.CheckpointSigningKey).");
        return (await CheckpointWriter.WriteAsync(dataSource, database.Schema, key, cancellationToken))?.Sequence;
    }
}
