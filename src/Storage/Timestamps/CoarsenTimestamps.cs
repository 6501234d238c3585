using Marten;
using Microsoft.Extensions.Options;

namespace Reporting.Storage.Timestamps;

/// <summary>
/// Truncates the timestamps of the event types <see cref="TimestampPrecisionOptions"/> names. The store appends in
/// Marten's <c>QuickWithServerTimestamps</c> mode, in which the timestamp is set on the event before listeners run and
/// is stored as the event carries it; the database's own clock is never used for an event.
/// </summary>
internal sealed class CoarsenTimestamps(IOptions<TimestampPrecisionOptions> options) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var precision = options.Value;
        if (!precision.Any)
            return Task.CompletedTask;
        foreach (var stream in session.PendingChanges.Streams())
            foreach (var @event in stream.Events)
                if (precision.UnitOf(@event.EventType) is { Ticks: > 0 } unit)
                    @event.Timestamp = new DateTimeOffset(@event.Timestamp.UtcTicks - (@event.Timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) % unit.Ticks, TimeSpan.Zero);
        return Task.CompletedTask;
    }
}
