using NSec.Cryptography;

namespace Reporting.Storage.Verification;

/// <summary>Checkpoint signing and the keys verification trusts; configured through the options pattern by the module that holds the keys.</summary>
public sealed class IntegrityOptions
{
    /// <summary>The Ed25519 key this host signs checkpoints with; without it, this host writes none.</summary>
    public Key? CheckpointSigningKey { get; set; }

    /// <summary>Public keys whose checkpoints verification accepts; the signing key's own is always among them.</summary>
    public List<PublicKey> TrustedCheckpointKeys { get; } = [];

    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    internal IEnumerable<PublicKey> TrustedKeys =>
        CheckpointSigningKey is null ? TrustedCheckpointKeys : TrustedCheckpointKeys.Append(CheckpointSigningKey.PublicKey);
}
