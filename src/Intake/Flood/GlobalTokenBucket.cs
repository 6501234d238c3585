using Microsoft.Extensions.Options;

namespace Reporting.Intake.Flood;

/// <summary>
/// One bucket for everyone: nothing about the sender is known or kept, so load is shed by total rate alone, with 429
/// before the request reaches the database.
/// </summary>
public sealed class GlobalTokenBucket(TimeProvider clock, IOptions<IntakeOptions> options)
{
    private readonly Lock _lock = new();
    private double _tokens = options.Value.Flood.BurstSize;
    private long _lastRefill = clock.GetTimestamp();

    public bool TryTake()
    {
        var flood = options.Value.Flood;
        lock (_lock)
        {
            var now = clock.GetTimestamp();
            _tokens = Math.Min(flood.BurstSize, _tokens + clock.GetElapsedTime(_lastRefill, now).TotalSeconds * flood.RefillPerSecond);
            _lastRefill = now;
            if (_tokens < 1)
                return false;
            _tokens -= 1;
            return true;
        }
    }
}
