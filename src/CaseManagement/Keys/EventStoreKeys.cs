using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reporting.Storage.Shredding;
using Reporting.Storage.Verification;

namespace Reporting.CaseManagement.Keys;

/// <summary>
/// Hands the store's additions the office keys they work with: the key-encryption key that wraps every stream's data
/// key (crypto-shredding), and the key that signs integrity checkpoints, with every checkpoint key of the file trusted.
/// </summary>
internal static class EventStoreKeys
{
    public static void Add(IServiceCollection services)
    {
        services.AddOptions<ShreddingOptions>().Configure<OfficeKeys>((options, keys) =>
            options.KeyEncryptionKey = keys.Current(OfficeKeyPurpose.KeyEncryption).Key);
        services.AddOptions<IntegrityOptions>().Configure<OfficeKeys, ILoggerFactory>((options, keys, loggers) =>
        {
            foreach (var key in keys.All.Where(key => key.Purpose == OfficeKeyPurpose.CheckpointSigning))
                options.TrustedCheckpointKeys.Add(key.Key.PublicKey);
            if (keys.TryCurrent(OfficeKeyPurpose.CheckpointSigning) is { } signing)
                options.CheckpointSigningKey = signing.Key;
            else
                loggers.CreateLogger(typeof(EventStoreKeys).FullName!).LogWarning(
                    "The office key file holds no checkpoint-signing key: this host signs no integrity checkpoints. Add one with 'reporting keys rotate --purpose checkpoint-signing'.");
        });
    }
}
