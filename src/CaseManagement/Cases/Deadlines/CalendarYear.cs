using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reporting.CaseManagement.Cases.Deadlines;

/// <summary>One year of the official schedule, as in <c>calendars/cn-YYYY.json</c>.</summary>
/// <param name="Published">False while the State Council has not published the year: only weekends are off.</param>
/// <param name="Source">The notice the dates come from, so that anyone can check them.</param>
public sealed record CalendarYear(
    int Year,
    bool Published,
    string Source,
    IReadOnlyList<PublicHoliday> Holidays,
    IReadOnlyList<MakeUpWorkday> MakeUpWorkdays)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CalendarYear Parse(string json)
    {
        var year = JsonSerializer.Deserialize<CalendarYear>(json, Json)
            ?? throw new InvalidDataException("A calendar file is empty.");
        year.CheckConsistency();
        return year;
    }

    // A typo in a calendar file would silently move every deadline, so a file that contradicts itself is refused at load.
    private void CheckConsistency()
    {
        if (string.IsNullOrWhiteSpace(Source))
            throw new InvalidDataException($"The {Year} calendar does not name its source.");
        if (!Published && (Holidays.Count > 0 || MakeUpWorkdays.Count > 0))
            throw new InvalidDataException($"The {Year} calendar is marked unpublished but lists holidays or make-up workdays.");
        foreach (var holiday in Holidays)
        {
            if (holiday.From.Year != Year || holiday.To.Year != Year || holiday.To < holiday.From)
                throw new InvalidDataException($"The {Year} calendar's holiday '{holiday.Name}' does not lie within {Year}.");
        }
        foreach (var workday in MakeUpWorkdays)
        {
            if (workday.Date.Year != Year)
                throw new InvalidDataException($"The {Year} calendar's make-up workday {workday.Date:yyyy-MM-dd} does not lie within {Year}.");
            if (workday.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw new InvalidDataException($"The {Year} calendar's make-up workday {workday.Date:yyyy-MM-dd} is not a weekend day.");
            if (Holidays.Any(holiday => holiday.Includes(workday.Date)))
                throw new InvalidDataException($"The {Year} calendar's make-up workday {workday.Date:yyyy-MM-dd} is also a holiday.");
        }
    }
}

public sealed record PublicHoliday(string Name, DateOnly From, DateOnly To)
{
    public bool Includes(DateOnly day) => day >= From && day <= To;
}

/// <param name="Holiday">The holiday this weekend day is worked for (调休).</param>
public sealed record MakeUpWorkday(DateOnly Date, [property: JsonPropertyName("for")] string Holiday);
