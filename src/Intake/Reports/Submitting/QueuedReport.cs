using Reporting.Intake.Contracts;

namespace Reporting.Intake.Reports.Submitting;

/// <summary>
/// One sealed report waiting for a unit of work, and the task its request awaits. The task is the report's own: it
/// completes when the unit of work that holds the report has committed, fails with the report's own exception, or is
/// cancelled if the request gave up before any unit of work took the report.
/// </summary>
internal sealed class QueuedReport : TaskCompletionSource
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    /// <summary>Taking and cancelling race (the writer against the request's token); whoever moves it first wins.</summary>
    private int _state;

    private CancellationTokenRegistration _cancellation;

    public QueuedReport(Guid caseId, ReportSubmitted submitted)
        : base(TaskCreationOptions.RunContinuationsAsynchronously) // the writer must not run the requests' continuations
    {
        CaseId = caseId;
        Submitted = submitted;
    }

    public Guid CaseId { get; }

    public ReportSubmitted Submitted { get; }

    /// <summary>Lets <paramref name="cancellationToken"/> withdraw the report for as long as no unit of work has taken it.</summary>
    public void CancelWhileWaiting(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) => ((QueuedReport)state!).Withdraw(token), this);
    }

    /// <summary>
    /// Claims the report for a unit of work; false if its request was cancelled first. Once taken, the report is
    /// committed whatever its request does, as a report whose client leaves during the commit always was.
    /// </summary>
    public bool TryTake()
    {
        if (Interlocked.CompareExchange(ref _state, Taken, Waiting) != Waiting)
            return false;
        _cancellation.Unregister();
        return true;
    }

    private void Withdraw(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Waiting) == Waiting)
            TrySetCanceled(cancellationToken);
    }
}
