using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reporting.EventStore.Hosting;

namespace Reporting.CaseManagement.Keys;

/// <summary>
/// Hands the event store the office keys it works with: the key-encryption key that wraps every stream's data key
/// (crypto-shredding), and the key that signs integrity checkpoints, with every checkpoint key of the file trusted.
/// </summary>
internal static class EventStoreKeys
{
    public static void Add(IServiceCollection services) =>
        services.ConfigureMarten((provider, options) =>
        {
            var keys = provider.GetRequiredService<OfficeKeys>();
            options.Shredding.KeyEncryptionKey = keys.Current(OfficeKeyPurpose.KeyEncryption).Key;
            foreach (var key in keys.All.Where(key => key.Purpose == OfficeKeyPurpose.CheckpointSigning))
                options.Integrity.TrustedCheckpointKeys.Add(key.Key.PublicKey);
            if (keys.TryCurrent(OfficeKeyPurpose.CheckpointSigning) is { } signing)
                options.Integrity.CheckpointSigningKey = signing.Key;
            else
                provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EventStoreKeys).FullName!).LogWarning(
                    "The office key file holds no checkpoint-signing key: this host signs no integrity checkpoints. Add one with 'reporting keys rotate --purpose checkpoint-signing'.");
        });
}
