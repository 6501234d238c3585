using System.Reflection;

namespace Reporting.CaseManagement.Cases.Deadlines;

/// <summary>
/// Working days in mainland China: weekends and public holidays are off, make-up workdays (调休) are on. The schedule is
/// data (<c>calendars/cn-YYYY.json</c>, embedded at build); a year without a published schedule counts weekends only.
/// </summary>
public sealed class WorkingCalendar
{
    // Deadlines run on the commission's dates, not UTC: China has one time zone and no daylight saving.
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    private static readonly Lazy<WorkingCalendar> EmbeddedCalendar = new(LoadEmbedded);

    private readonly Dictionary<int, CalendarYear> years;

    private WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        this.years = years.ToDictionary(year => year.Year);
    }

    /// <summary>The calendar files of the repository's <c>calendars/</c> folder, as built into this assembly.</summary>
    public static WorkingCalendar Embedded => EmbeddedCalendar.Value;

    public static WorkingCalendar FromJson(IEnumerable<string> calendarFiles) =>
        new(calendarFiles.Select(CalendarYear.Parse));

    public IReadOnlyCollection<CalendarYear> Years => years.Values;

    public static DateOnly DateInChina(DateTimeOffset instant) =>
        DateOnly.FromDateTime(instant.ToOffset(ChinaStandardTime).DateTime);

    /// <summary>True when the State Council's schedule for the year is in the calendar.</summary>
    public bool IsPublished(int year) => years.TryGetValue(year, out var schedule) && schedule.Published;

    public bool IsWorkingDay(DateOnly day)
    {
        if (years.TryGetValue(day.Year, out var schedule))
        {
            if (schedule.MakeUpWorkdays.Any(workday => workday.Date == day))
                return true;
            if (schedule.Holidays.Any(holiday => holiday.Includes(day)))
                return false;
        }
        return day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The day on which <paramref name="count"/> working days after <paramref name="start"/> have passed; the start day itself does not count.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = start;
        for (var counted = 0; counted < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                counted++;
        }
        return day;
    }

    /// <summary>
    /// The end of a period of calendar months; a period that ends on a day off runs to the next working day, as periods do
    /// in Chinese procedure (期间届满的最后一日是节假日的，以节假日后的第一日为期间届满的日期).
    /// </summary>
    public DateOnly AddMonths(DateOnly start, int months)
    {
        var day = start.AddMonths(months);
        while (!IsWorkingDay(day))
            day = day.AddDays(1);
        return day;
    }

    /// <summary>The years between the two days (both included) whose schedule is not published: they were counted with weekends only.</summary>
    public IReadOnlyList<int> UnpublishedYearsBetween(DateOnly first, DateOnly last) =>
        Enumerable.Range(first.Year, last.Year - first.Year + 1).Where(year => !IsPublished(year)).ToArray();

    private static WorkingCalendar LoadEmbedded()
    {
        var assembly = typeof(WorkingCalendar).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(CalendarResourcePrefix, StringComparison.Ordinal))
            .Select(name => ReadResource(assembly, name));
        return FromJson(files);
    }

    internal const string CalendarResourcePrefix = "calendars/";

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The calendar resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
