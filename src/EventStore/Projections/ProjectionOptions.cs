using Reporting.EventStore.Documents;
using Reporting.EventStore.Events;

namespace Reporting.EventStore.Projections;

/// <summary>The registered projections, each with its lifecycle.</summary>
public sealed class ProjectionOptions(EventGraph events, DocumentSchema schema)
{
    private readonly List<(ProjectionSource Projection, ProjectionLifecycle Lifecycle)> _all = [];

    public void Add(ProjectionSource projection, ProjectionLifecycle lifecycle)
    {
        if (_all.Any(p => p.Projection.Name == projection.Name))
            throw new InvalidOperationException($"A projection named {projection.Name} is already registered.");
        foreach (var type in projection.DocumentTypes)
            schema.Add(type);
        events.AddEventTypes(projection.EventTypes);
        _all.Add((projection, lifecycle));
    }

    public void Add<T>(ProjectionLifecycle lifecycle) where T : ProjectionSource, new() => Add(new T(), lifecycle);

    internal IEnumerable<ProjectionSource> WithLifecycle(ProjectionLifecycle lifecycle) =>
        _all.Where(p => p.Lifecycle == lifecycle).Select(p => p.Projection);

    internal ProjectionSource Named(string name) =>
        _all.FirstOrDefault(p => p.Projection.Name == name).Projection ?? throw new ArgumentException($"No projection is named {name}.", nameof(name));

    /// <summary>The single-stream projection that builds <paramref name="documentType"/>, whose conventions then also serve live aggregation.</summary>
    internal IAggregatingProjection? AggregatingInto(Type documentType) =>
        _all.Select(p => p.Projection).OfType<IAggregatingProjection>().FirstOrDefault(p => p.IsSingleStream && p.Aggregator.AggregateType == documentType);
}
