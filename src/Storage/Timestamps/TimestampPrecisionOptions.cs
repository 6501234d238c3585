namespace Reporting.Storage.Timestamps;

/// <summary>
/// Event types whose stored timestamp is truncated to a coarser unit, for events whose exact time would reveal too
/// much (an informant's acts are kept to the hour). Configured by each module through the options pattern.
/// </summary>
public sealed class TimestampPrecisionOptions
{
    private readonly Dictionary<Type, TimeSpan> _units = [];

    /// <summary>Timestamps of <typeparamref name="T"/> are stored as a multiple of <paramref name="unit"/> since the Unix epoch.</summary>
    public TimestampPrecisionOptions Truncate<T>(TimeSpan unit)
    {
        if (unit <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(unit), "A precision is a positive span.");
        _units[typeof(T)] = unit;
        return this;
    }

    internal TimeSpan UnitOf(Type type) => _units.GetValueOrDefault(type);

    internal bool Any => _units.Count > 0;
}
