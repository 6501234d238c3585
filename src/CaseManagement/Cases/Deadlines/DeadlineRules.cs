namespace Reporting.CaseManagement.Cases.Deadlines;

/// <summary>The periods the rules set, in one place, so that deciders and tests compute every deadline the same way.</summary>
public static class DeadlineRules
{
    public const int AcceptanceNoticeWorkingDays = 15;
    public const int EscalationWorkingDays = 5;
    public const int TransferResponseWorkingDays = 5;
    public const int InquiryReplyWorkingDays = 15;
    public const int FeedbackWorkingDays = 15;
    public const int AppealWindowMonths = 1;
    public const int AppealReviewMonths = 1;
    public const int AppealReReviewMonths = 2;

    public static Deadline WorkingDays(this WorkingCalendar calendar, string kind, DateTimeOffset start, int count)
    {
        var from = WorkingCalendar.DateInChina(start);
        var due = calendar.AddWorkingDays(from, count);
        return new Deadline(kind, from, count, DeadlineUnit.WorkingDays, due, NoteFor(calendar, from, due));
    }

    public static Deadline Months(this WorkingCalendar calendar, string kind, DateTimeOffset start, int count)
    {
        var from = WorkingCalendar.DateInChina(start);
        var due = calendar.AddMonths(from, count);
        return new Deadline(kind, from, count, DeadlineUnit.Months, due, NoteFor(calendar, from, due));
    }

    /// <summary>Computes the deadline again from its start, as the rule and the calendar say it must be.</summary>
    public static Deadline Recompute(this WorkingCalendar calendar, Deadline deadline)
    {
        var due = deadline.Unit == DeadlineUnit.Months
            ? calendar.AddMonths(deadline.From, deadline.Count)
            : calendar.AddWorkingDays(deadline.From, deadline.Count);
        return deadline with { Due = due, CalendarNote = NoteFor(calendar, deadline.From, due) };
    }

    private static string? NoteFor(WorkingCalendar calendar, DateOnly from, DateOnly due)
    {
        var unpublished = calendar.UnpublishedYearsBetween(from.AddDays(1), due);
        return unpublished.Count == 0
            ? null
            : $"Counted with weekends only in {string.Join(", ", unpublished)}: the official holiday schedule is not yet published.";
    }
}
