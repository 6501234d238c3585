using Npgsql;

namespace Reporting.EventStore.Daemon;

/// <summary>
/// Knows up to which sequence number every missing event is gone for good. A gap below the highest visible event
/// belongs to a transaction that was in progress when the gap was seen (appenders take their transaction id before
/// drawing sequence numbers), or to one that rolled back. Once every transaction in progress at that moment has
/// ended, whatever is still missing below that highest event will never appear, and the daemon may pass it.
/// </summary>
internal sealed class GapTracker
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(100);

    private string? _snapshot;
    private long _ceiling;

    /// <summary>Every sequence number up to here is either visible or will never exist.</summary>
    public long FinalUpTo { get; private set; }

    public bool IsWaiting => _snapshot is not null;

    public void WaitFor(string snapshot, long highestVisible)
    {
        if (_snapshot is not null)
            return;
        _snapshot = snapshot;
        _ceiling = highestVisible;
    }

    public async Task RefreshAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_snapshot is null)
            return;
        await using var command = new NpgsqlCommand(
            "SELECT NOT EXISTS (SELECT 1 FROM pg_snapshot_xip($1::pg_snapshot) AS x WHERE pg_xact_status(x) = 'in progress')", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = _snapshot });
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            FinalUpTo = Math.Max(FinalUpTo, _ceiling);
            _snapshot = null;
        }
    }

    /// <summary>The highest sequence number visible now, once no transaction that could fill a gap below it is still open.</summary>
    public static async Task<long> SettledCeilingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var (snapshot, ceiling) = await EventPage.ReadHeadAsync(connection, null, cancellationToken);
        var gaps = new GapTracker();
        gaps.WaitFor(snapshot, ceiling);
        await gaps.RefreshAsync(connection, cancellationToken);
        while (gaps.IsWaiting)
        {
            await Task.Delay(RecheckInterval, cancellationToken);
            await gaps.RefreshAsync(connection, cancellationToken);
        }
        return ceiling;
    }
}
