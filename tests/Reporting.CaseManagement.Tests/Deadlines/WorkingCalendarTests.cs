using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Tests.Deadlines;

/// <summary>The real calendar files, on real 2026 dates.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = RepositoryCalendars.Calendar;

    [Fact]
    public void Five_working_days_from_the_eve_of_National_Day_skip_the_golden_week_and_count_its_make_up_Saturday()
    {
        // Wednesday 30 September; 1 to 7 October are off; Thursday 8, Friday 9, Saturday 10 (worked), Monday 12, Tuesday 13.
        Assert.Equal(new DateOnly(2026, 10, 13), Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 5));
    }

    [Fact]
    public void Fifteen_working_days_from_a_receipt_before_the_Spring_Festival()
    {
        // Tuesday 10 February: 11, 12, 13, Saturday 14 (worked); 15 to 23 off; then 24, 25, 26, 27,
        // Saturday 28 (worked), 2, 3, 4, 5, 6 and 9 March.
        Assert.Equal(new DateOnly(2026, 3, 9), Calendar.AddWorkingDays(new DateOnly(2026, 2, 10), 15));
    }

    [Theory]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-01-04", true)]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-23", false)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-04-06", false)]
    [InlineData("2026-05-05", false)]
    [InlineData("2026-05-09", true)]
    [InlineData("2026-06-19", false)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-09-25", false)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-10-11", false)]
    [InlineData("2026-10-12", true)]
    public void Days_of_the_2026_schedule(string day, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_deadline_running_into_2027_counts_weekends_only_there_and_says_so()
    {
        // Thursday 24 December 2026 (Beijing): 25, 28, 29, 30, 31 December, then 2027 with weekends only: 1 January counts.
        var deadline = Calendar.WorkingDays(DeadlineKind.AcceptanceNotice, new DateTimeOffset(2026, 12, 24, 2, 0, 0, TimeSpan.Zero), 15);

        Assert.Equal(new DateOnly(2027, 1, 14), deadline.Due);
        Assert.Equal("Counted with weekends only in 2027: the official holiday schedule is not yet published.", deadline.CalendarNote);
    }

    [Fact]
    public void A_deadline_within_2026_carries_no_note() =>
        Assert.Null(Calendar.WorkingDays(DeadlineKind.Feedback, new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero), 15).CalendarNote);

    [Fact]
    public void The_date_of_an_instant_is_the_date_in_Beijing()
    {
        // 23:30 UTC on 30 September is already 1 October in Beijing, a holiday: the count starts from there.
        var lateEvening = new DateTimeOffset(2026, 9, 30, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 10, 1), Calendar.WorkingDays(DeadlineKind.TransferResponse, lateEvening, 5).From);
    }

    [Fact]
    public void A_month_that_ends_on_a_holiday_runs_to_the_next_working_day()
    {
        Assert.Equal(new DateOnly(2026, 10, 8), Calendar.AddMonths(new DateOnly(2026, 9, 1), 1));
        Assert.Equal(new DateOnly(2026, 4, 9), Calendar.AddMonths(new DateOnly(2026, 3, 9), 1));
    }

    [Fact]
    public void The_calendar_files_name_their_source_and_2027_is_marked_unpublished()
    {
        var years = Calendar.Years.ToDictionary(year => year.Year);

        Assert.Contains("国务院办公厅关于2026年部分节假日安排的通知", years[2026].Source, StringComparison.Ordinal);
        Assert.True(years[2026].Published);
        Assert.False(years[2027].Published);
        Assert.Equal(7, years[2026].Holidays.Count);
        Assert.Equal(6, years[2026].MakeUpWorkdays.Count);
    }

    [Fact]
    public void The_calendar_built_into_the_module_is_the_one_in_the_repository()
    {
        var embedded = WorkingCalendar.Embedded.Years.OrderBy(year => year.Year).Select(Describe);
        var repository = Calendar.Years.OrderBy(year => year.Year).Select(Describe);

        Assert.Equal(repository, embedded);
    }

    [Fact]
    public void A_make_up_workday_that_is_not_a_weekend_day_is_refused_at_load()
    {
        const string json = """{ "year": 2026, "published": true, "source": "test", "holidays": [], "makeUpWorkdays": [{ "date": "2026-10-09", "for": "x" }] }""";

        var error = Assert.Throws<InvalidDataException>(() => WorkingCalendar.FromJson([json]));
        Assert.Contains("is not a weekend day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calendar_without_its_source_is_refused_at_load()
    {
        const string json = """{ "year": 2028, "published": false, "source": "", "holidays": [], "makeUpWorkdays": [] }""";

        Assert.Throws<InvalidDataException>(() => WorkingCalendar.FromJson([json]));
    }

    [Fact]
    public void A_holiday_outside_its_year_is_refused_at_load()
    {
        const string json = """{ "year": 2026, "published": true, "source": "test", "holidays": [{ "name": "x", "from": "2025-12-31", "to": "2026-01-01" }], "makeUpWorkdays": [] }""";

        Assert.Throws<InvalidDataException>(() => WorkingCalendar.FromJson([json]));
    }

    private static string Describe(CalendarYear year) =>
        $"{year.Year} {year.Published} {year.Source} {string.Join(",", year.Holidays)} {string.Join(",", year.MakeUpWorkdays)}";
}
