namespace Reporting.CaseManagement.Cases.Deadlines;

/// <summary>
/// A reminder that a deadline is near or past, for the case's assignees and the approvers. Content-free: the kind and
/// the day are all it says, so that a notification channel (mail, SMS) learns nothing of the case.
/// </summary>
public sealed record DeadlineReminderSent(string Kind, DateOnly Due, bool Overdue, DateTimeOffset At);

public static class DeadlineReminders
{
    /// <summary>Reminders start this many working days before the due day.</summary>
    public const int WorkingDaysAhead = 2;

    /// <summary>
    /// The reminders due on a case now: one per running obligation that falls due within two working days or is overdue,
    /// at most one a day each, so that a scheduler may call this as often as it likes.
    /// </summary>
    public static IReadOnlyList<object> Due(CaseState state, DateTimeOffset now, WorkingCalendar calendar)
    {
        var today = WorkingCalendar.DateInChina(now);
        var horizon = calendar.AddWorkingDays(today, WorkingDaysAhead);
        return state.Deadlines.Values
            .Where(tracked => tracked.MetAt is null && tracked.Deadline.IsObligation && tracked.Deadline.Due <= horizon)
            .Where(tracked => !state.RemindedOn.TryGetValue(tracked.Deadline.Kind, out var last) || last < today)
            .OrderBy(tracked => tracked.Deadline.Kind, StringComparer.Ordinal)
            .Select(tracked => (object)new DeadlineReminderSent(tracked.Deadline.Kind, tracked.Deadline.Due, tracked.IsOverdueOn(today), now))
            .ToArray();
    }
}
