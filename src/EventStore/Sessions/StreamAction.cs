namespace Reporting.EventStore.Sessions;

/// <summary>A session's pending events for one stream, appended as one call of the append function.</summary>
public sealed class StreamAction
{
    internal StreamAction(Guid id, bool isStart, Type? aggregateType)
    {
        Id = id;
        IsStart = isStart;
        AggregateType = aggregateType;
    }

    public Guid Id { get; }

    public bool IsStart { get; }

    public Type? AggregateType { get; }

    /// <summary>The stream version required before these events, or null when any version will do.</summary>
    public long? ExpectedVersionBefore { get; internal set; }

    public List<object> Events { get; } = [];
}
