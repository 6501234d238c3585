namespace Reporting.EventStore.Daemon;

/// <summary>Wakes a waiting loop early; a wake that arrives while the loop is busy is kept for its next wait.</summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _signal);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(signal.Task, Task.Delay(timeout, timer.Token));
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (signal.Task.IsCompleted)
            Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), signal);
    }
}
