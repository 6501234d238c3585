using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Marten;
using Reporting.Storage.Confinement;
using Reporting.Intake.Contracts;

namespace Reporting.Intake.Reports.Submitting;

/// <summary>
/// Group commit of submitted reports: the reports that wait at the moment a writer is free start their case streams
/// in one unit of work (one session, one batch, one transaction), instead of each paying a transaction, a round trip
/// and a server wake-up of its own. There is no timer: a lone report is taken at once, and batches grow only because
/// reports arrive while earlier ones commit. Each report's task completes only after its own unit of work committed,
/// so that no receipt is ever shown for a report that was not kept.
/// </summary>
/// <remarks>Nothing is logged here: not a case id, not a time, not a count per report.</remarks>
internal sealed class ReportCommitQueue : IAsyncDisposable
{
    private readonly StreamConfinedSessions _sessions;
    private readonly int _maxBatch;
    private readonly int _maxInFlight;
    private readonly Channel<QueuedReport> _waiting = Channel.CreateUnbounded<QueuedReport>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Units of work that may commit at once; the dispatcher takes a slot before it takes a batch.</summary>
    private readonly SemaphoreSlim _slots;

    private readonly Task _dispatching;

    public ReportCommitQueue(StreamConfinedSessions sessions, IOptions<IntakeOptions> options)
    {
        _sessions = sessions;
        (_maxBatch, _maxInFlight) = (options.Value.GroupCommit.MaxBatch, options.Value.GroupCommit.MaxInFlight);
        _slots = new SemaphoreSlim(_maxInFlight, _maxInFlight);
        _dispatching = Task.Run(DispatchAsync);
    }

    /// <summary>
    /// Starts the case stream with <paramref name="submitted"/> and completes once that is committed.
    /// <paramref name="cancellationToken"/> withdraws the report only while it still waits for a unit of work.
    /// </summary>
    public Task CommitAsync(Guid caseId, ReportSubmitted submitted, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return Task.FromCanceled(cancellationToken);
        var report = new QueuedReport(caseId, submitted);
        report.CancelWhileWaiting(cancellationToken);
        if (_waiting.Writer.TryWrite(report))
            return report.Task;
        // The host is shutting down and the writers are gone or going: the report is kept on its own rather than refused.
        return CommitAfterShutdownAsync(report);
    }

    /// <summary>Stops taking new reports into the queue, commits (or fails) every report already in it, then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _dispatching.ConfigureAwait(false);
        // Every slot is back by now, and reports arriving later never take one.
        _slots.Dispose();
    }

    private async Task DispatchAsync()
    {
        var reader = _waiting.Reader;
        // After completion this still returns true while reports remain, so that shutdown drains the queue.
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await _slots.WaitAsync().ConfigureAwait(false);
            var batch = TakeWaiting(reader);
            if (batch.Count == 0)
            {
                _slots.Release();
                continue;
            }
            // On the pool, so that building and sending one batch never holds up taking the next.
            _ = Task.Run(() => CommitAndReleaseAsync(batch));
        }
        // The writers end once every batch taken has finished.
        for (var slot = 0; slot < _maxInFlight; slot++)
            await _slots.WaitAsync().ConfigureAwait(false);
    }

    /// <summary>Everything waiting now, up to the maximum; reports withdrawn by their requests are dropped from the queue here.</summary>
    private List<QueuedReport> TakeWaiting(ChannelReader<QueuedReport> reader)
    {
        var batch = new List<QueuedReport>();
        while (batch.Count < _maxBatch && reader.TryRead(out var report))
        {
            if (report.TryTake())
                batch.Add(report);
        }
        return batch;
    }

    /// <summary>Never throws: every outcome goes to the reports' own tasks, none to the thread pool.</summary>
    private async Task CommitAndReleaseAsync(List<QueuedReport> batch)
    {
        try
        {
            if (batch.Count == 1)
                await CommitAloneAsync(batch[0]).ConfigureAwait(false);
            else
                await CommitTogetherAsync(batch).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            foreach (var report in batch)
                report.TrySetException(exception);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task CommitTogetherAsync(List<QueuedReport> batch)
    {
        var joined = new List<QueuedReport>(batch.Count);
        List<QueuedReport>? apart = null;
        try
        {
            await using var confined = await _sessions.LightweightSessionAsync(batch.Select(report => report.CaseId).Distinct(), CancellationToken.None).ConfigureAwait(false);
            var session = confined.Session;
            var started = new HashSet<Guid>();
            foreach (var report in batch)
            {
                // Two equal receipts in one batch: the second is tried alone after the batch, where it learns that the
                // stream exists, as it would have without the batch.
                if (started.Add(report.CaseId))
                {
                    session.Events.StartStream(report.CaseId, report.Submitted);
                    joined.Add(report);
                }
                else
                    (apart ??= []).Add(report);
            }
            // Taken reports are committed even if their requests are gone.
            await session.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // One bad report (or the database away) undid the whole unit of work. Each report is tried in one of its
            // own, so that a bad one fails alone with its own exception and the others are kept.
            foreach (var report in batch)
                await CommitAloneAsync(report).ConfigureAwait(false);
            return;
        }
        foreach (var report in joined)
            report.TrySetResult();
        if (apart is not null)
        {
            foreach (var report in apart)
                await CommitAloneAsync(report).ConfigureAwait(false);
        }
    }

    private async Task CommitAloneAsync(QueuedReport report)
    {
        try
        {
            await using var confined = await _sessions.LightweightSessionAsync([report.CaseId], CancellationToken.None).ConfigureAwait(false);
            confined.Session.Events.StartStream(report.CaseId, report.Submitted);
            await confined.Session.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            report.TrySetResult();
        }
        catch (Exception exception)
        {
            report.TrySetException(exception);
        }
    }

    private async Task CommitAfterShutdownAsync(QueuedReport report)
    {
        if (report.TryTake())
            await CommitAloneAsync(report).ConfigureAwait(false);
        await report.Task.ConfigureAwait(false);
    }
}
