namespace Reporting.EventStore.Projections;

public enum ProjectionLifecycle
{
    /// <summary>Applied in the transaction that appends the events.</summary>
    Inline,

    /// <summary>Applied by the async daemon after the events are committed.</summary>
    Async,

    /// <summary>Never stored; aggregated on demand by <c>AggregateStreamAsync</c>.</summary>
    Live,
}
