using Reporting.EventStore.Events;

namespace Reporting.EventStore.Sessions;

internal sealed class EventStream<T>(Guid id, T? aggregate, long startingVersion, StreamAction action) : IEventStream<T> where T : class
{
    public Guid Id => id;

    public T? Aggregate => aggregate;

    public long StartingVersion => startingVersion;

    public void AppendOne(object @event) => action.Events.Add(@event);

    public void AppendMany(params object[] events) => action.Events.AddRange(events);
}
