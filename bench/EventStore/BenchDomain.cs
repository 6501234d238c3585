using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Marten.Events.Aggregation;

namespace Reporting.EventStore.Bench;

public sealed record ItemRecorded(Guid ItemId, string Label, int Quantity);

public sealed record ItemTotals(Guid Id, int Events, long Quantity);

public sealed class ItemTotalsProjection : SingleStreamProjection<ItemTotals, Guid>
{
    public ItemTotals Create(ItemRecorded recorded) => new(recorded.ItemId, 1, recorded.Quantity);

    public ItemTotals Apply(ItemRecorded recorded, ItemTotals current) =>
        current with { Events = current.Events + 1, Quantity = current.Quantity + recorded.Quantity };
}
