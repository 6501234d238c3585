using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Marten.Events.Aggregation;

namespace Reporting.EventStore.Tests.Contract;

/// <summary>The contract fixture with async projections added, for the daemon's part of the contract.</summary>
public sealed class AsyncDaemonFixture : EventStoreFixture
{
    public override void Configure(StoreOptions options)
    {
        base.Configure(options);
        options.Projections.Add(new TallyProjection(), ProjectionLifecycle.Async);
        options.Projections.Add(new OwnerTotalsProjection(), ProjectionLifecycle.Async);
    }
}
