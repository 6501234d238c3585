using Reporting.EventStore.Documents;
using Reporting.EventStore.Events;
using Reporting.EventStore.Integrity;
using Reporting.EventStore.Projections;
using Reporting.EventStore.Serialization;
using Reporting.EventStore.Shredding;

namespace Reporting.EventStore;

/// <summary>Everything modules configure on the store: event types, document types, projections, daemon timing.</summary>
public sealed class StoreOptions
{
    public StoreOptions()
    {
        Schema = new DocumentSchema(Serializer);
        Projections = new ProjectionOptions(Events, Schema);
    }

    public StoreSerializer Serializer { get; } = new();

    public EventGraph Events { get; } = new();

    public DocumentSchema Schema { get; }

    public ProjectionOptions Projections { get; }

    /// <summary>Checkpoint signing and the keys verification trusts.</summary>
    public IntegrityOptions Integrity { get; } = new();

    /// <summary>The key-encryption key for crypto-shredding.</summary>
    public ShreddingOptions Shredding { get; } = new();

    internal Sodium.Cryptography.Key KeyEncryptionKey =>
        Shredding.KeyEncryptionKey ?? throw new InvalidOperationException("Shreddable fields need options.Shredding.KeyEncryptionKey.");

    /// <summary>How long the daemon sleeps when no notification wakes it; notifications are the normal wake-up.</summary>
    public TimeSpan DaemonPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a daemon that is not leading a projection tries to take it over.</summary>
    public TimeSpan LeadershipPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most events one daemon transaction applies.</summary>
    public int DaemonBatchSize { get; set; } = 1000;
}
