namespace Reporting.Intake.Sealing;

/// <summary>The informant's acts are kept to the hour: an exact time could be matched against a building's door log.</summary>
public static class Hour
{
    public static DateTimeOffset Truncate(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerHour, TimeSpan.Zero);
    }
}
