using Reporting.EventStore.Events;

namespace Reporting.EventStore.Projections;

/// <summary>What every projection offers the store, whatever its kind and lifecycle.</summary>
public abstract class ProjectionSource
{
    private string? _name;

    /// <summary>The name progress is recorded under in <c>mt_event_progression</c>; by default the class name.</summary>
    public string Name
    {
        get => _name ?? GetType().Name;
        set => _name = value;
    }

    internal abstract IEnumerable<Type> DocumentTypes { get; }

    internal abstract IEnumerable<Type> EventTypes { get; }

    internal abstract bool Handles(Type eventType);

    /// <summary>Applies events in order; <paramref name="events"/> holds only events this projection handles.</summary>
    internal abstract Task ApplyAsync(ProjectionContext context, IReadOnlyList<IEvent> events, CancellationToken cancellationToken);
}
