using Marten;

namespace Reporting.Storage.Versions;

/// <summary>
/// Refuses a unit of work that appends an event whose version Marten does not know before the commit. In Quick mode a
/// plain <c>Append</c> leaves the version 0 until the database assigns it, so inline projections, which check that each
/// event is the next of its stream, would see 0 and skip it. Appends go through <c>StartStream</c>,
/// <c>FetchForWriting</c>, <c>AppendExclusive</c> or <c>Append</c> with an expected version, all of which number the
/// events first.
/// </summary>
internal sealed class RefuseUnversionedAppends : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var stream in session.PendingChanges.Streams())
            if (stream.Events.Any(@event => @event.Version == 0))
                throw new InvalidOperationException(
                    $"Events for stream {stream.Id} were appended without a known version; use StartStream, FetchForWriting, AppendExclusive or Append with an expected version.");
        return Task.CompletedTask;
    }
}
