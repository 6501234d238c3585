namespace Reporting.Intake.Telemetry;

/// <summary>Counts by key, showing only what was counted in clock hours that are over.</summary>
internal sealed class HourlyRelease<TKey>(TimeProvider clock) where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, long> _released = [];
    private readonly Dictionary<TKey, long> _pending = [];
    private long _pendingHour;

    public void Add(TKey key)
    {
        lock (_lock)
        {
            Roll();
            _pending[key] = _pending.GetValueOrDefault(key) + 1;
        }
    }

    public KeyValuePair<TKey, long>[] Released()
    {
        lock (_lock)
        {
            Roll();
            return [.. _released];
        }
    }

    private void Roll()
    {
        var hour = clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerHour;
        if (hour == _pendingHour)
            return;
        foreach (var (key, count) in _pending)
            _released[key] = _released.GetValueOrDefault(key) + count;
        _pending.Clear();
        _pendingHour = hour;
    }
}
