namespace Reporting.EventStore.Events;

/// <summary>A stream fetched for writing: its current state, and appends checked against the version it was read at.</summary>
public interface IEventStream<out T> where T : class
{
    Guid Id { get; }

    /// <summary>The aggregate as of <see cref="StartingVersion"/>; null for a stream that does not exist yet.</summary>
    T? Aggregate { get; }

    /// <summary>
    /// The version the stream had when it was fetched (0 for a new stream), counting events of types this store does
    /// not register, which <see cref="Aggregate"/> was folded without.
    /// </summary>
    long StartingVersion { get; }

    void AppendOne(object @event);

    void AppendMany(params object[] events);
}
