using Reporting.EventStore.Events;

namespace Reporting.EventStore.Projections;

/// <summary>One document per stream, with the stream's id.</summary>
public abstract class SingleStreamProjection<TDoc, TId> : AggregationProjection<TDoc, TId> where TDoc : class where TId : notnull
{
    protected SingleStreamProjection()
    {
        if (typeof(TId) != typeof(Guid))
            throw new NotSupportedException("Streams are identified by Guid; a single-stream projection's id type is Guid.");
    }

    internal override IReadOnlyList<TId> IdentitiesOf(IEvent @event) => [(TId)(object)@event.StreamId];
}
