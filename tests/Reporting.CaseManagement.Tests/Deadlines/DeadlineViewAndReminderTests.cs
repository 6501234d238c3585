using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.RecordingInquiryReply;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Deadlines;

public sealed class DeadlineViewAndReminderTests
{
    private static readonly WorkingCalendar Calendar = CaseHistory.Calendar;

    /// <summary>An inquiry opened Monday 9 March 2026: the reply is due Monday 30 March.</summary>
    private static CaseHistory Inquiry() => CaseHistory.Submitted().InInquiry();

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_case_shows_each_deadline_with_its_overdue_flag()
    {
        var views = DeadlineView.Of(Inquiry().State, new DateOnly(2026, 3, 31));

        Assert.Equal(
        [
            new DeadlineView(DeadlineKind.AcceptanceNotice, new DateOnly(2026, 3, 23), false, CaseHistory.DefaultClock, null),
            new DeadlineView(DeadlineKind.InquiryReply, new DateOnly(2026, 3, 30), true, null, null),
        ], views);
    }

    [Fact]
    public void The_next_deadline_is_the_earliest_still_running()
    {
        var state = Inquiry().State;

        Assert.Equal(new DateOnly(2026, 3, 30), DeadlineView.Next(state));
        Assert.False(DeadlineView.AnyOverdue(state, new DateOnly(2026, 3, 30)));
        Assert.True(DeadlineView.AnyOverdue(state, new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void A_met_deadline_is_neither_next_nor_overdue()
    {
        var state = Inquiry().Do(Supervisor1, new RecordInquiryReply("Reply.")).State;

        Assert.Null(DeadlineView.Next(state));
        Assert.False(DeadlineView.AnyOverdue(state, new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void No_reminder_while_the_due_day_is_more_than_two_working_days_away() =>
        Assert.Empty(DeadlineReminders.Due(Inquiry().State, At(3, 25), Calendar));

    [Fact]
    public void A_reminder_two_working_days_ahead_says_only_which_deadline_and_when() =>
        Assert.Equal(
            [new DeadlineReminderSent(DeadlineKind.InquiryReply, new DateOnly(2026, 3, 30), false, At(3, 26))],
            DeadlineReminders.Due(Inquiry().State, At(3, 26), Calendar));

    [Fact]
    public void One_reminder_a_day_per_deadline()
    {
        var reminded = Inquiry().Happened(new DeadlineReminderSent(DeadlineKind.InquiryReply, new DateOnly(2026, 3, 30), false, At(3, 26)));

        Assert.Empty(DeadlineReminders.Due(reminded.State, At(3, 26).AddHours(6), Calendar));
        Assert.Equal(
            [new DeadlineReminderSent(DeadlineKind.InquiryReply, new DateOnly(2026, 3, 30), true, At(3, 31))],
            DeadlineReminders.Due(reminded.State, At(3, 31), Calendar));
    }

    [Fact]
    public void A_met_deadline_is_not_reminded_of() =>
        Assert.Empty(DeadlineReminders.Due(Inquiry().Do(Supervisor1, new RecordInquiryReply("Reply.")).State, At(3, 31), Calendar));
}
