using Reporting.EventStore.Events;

namespace Reporting.EventStore.Projections;

/// <summary>Documents fed by events of many streams, routed by the identities the projection declares per event type.</summary>
public abstract class MultiStreamProjection<TDoc, TId> : AggregationProjection<TDoc, TId> where TDoc : class where TId : notnull
{
    private readonly Dictionary<Type, Func<object, IReadOnlyList<TId>>> _identities = [];

    protected void Identity<TEvent>(Func<TEvent, TId> identity) => _identities[typeof(TEvent)] = data => [identity((TEvent)data)];

    protected void Identities<TEvent>(Func<TEvent, IReadOnlyList<TId>> identities) => _identities[typeof(TEvent)] = data => identities((TEvent)data);

    internal override bool Handles(Type eventType) => RuleFor(eventType) is not null && base.Handles(eventType);

    internal override IReadOnlyList<TId> IdentitiesOf(IEvent @event) => RuleFor(@event.EventType) is { } rule ? rule(@event.Data) : [];

    private Func<object, IReadOnlyList<TId>>? RuleFor(Type eventType) =>
        _identities.TryGetValue(eventType, out var rule) ? rule : _identities.FirstOrDefault(pair => pair.Key.IsAssignableFrom(eventType)).Value;
}
