using Reporting.EventStore.Aggregation;
using Reporting.EventStore.Events;

namespace Reporting.EventStore.Projections;

internal interface IAggregatingProjection
{
    Aggregator Aggregator { get; }

    bool IsSingleStream { get; }
}

/// <summary>One document per identity, folded from that identity's events by the aggregation conventions.</summary>
public abstract class AggregationProjection<TDoc, TId> : ProjectionSource, IAggregatingProjection where TDoc : class where TId : notnull
{
    private Aggregator? _aggregator;

    internal Aggregator Aggregator => _aggregator ??= new Aggregator(typeof(TDoc), this);

    Aggregator IAggregatingProjection.Aggregator => Aggregator;

    bool IAggregatingProjection.IsSingleStream => this is SingleStreamProjection<TDoc, TId>;

    internal override IEnumerable<Type> DocumentTypes => [typeof(TDoc)];

    internal override IEnumerable<Type> EventTypes => Aggregator.EventTypes;

    internal override bool Handles(Type eventType) => Aggregator.Handles(eventType);

    /// <summary>The documents an event belongs to; none means the event is ignored.</summary>
    internal abstract IReadOnlyList<TId> IdentitiesOf(IEvent @event);

    internal override async Task ApplyAsync(ProjectionContext context, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<TId, List<IEvent>>();
        foreach (var @event in events)
            foreach (var id in IdentitiesOf(@event))
            {
                if (!byId.TryGetValue(id, out var list))
                    byId[id] = list = [];
                list.Add(@event);
            }
        if (byId.Count == 0)
            return;

        var mapping = context.Schema.MappingFor(typeof(TDoc));
        var current = await context.LoadManyAsync(mapping, byId.Keys.Cast<object>().ToList(), cancellationToken);
        foreach (var (id, stream) in byId)
        {
            var existed = current.TryGetValue(id, out var state);
            foreach (var @event in stream)
                state = Aggregator.Apply(state, @event);
            if (state is not null)
            {
                mapping.AssignId(state, id);
                context.Changes.Store(state);
            }
            else if (existed)
                context.Changes.Delete(typeof(TDoc), id);
        }
    }
}
