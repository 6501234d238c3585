namespace Reporting.CaseManagement.Cases.Deadlines;

/// <summary>A time limit the rules set on a case, computed once from the calendar when it starts.</summary>
/// <param name="Kind">One of <see cref="DeadlineKind"/>.</param>
/// <param name="From">The day the period starts (the day after it is the first one counted).</param>
/// <param name="Count">How many units the rule allows.</param>
/// <param name="Unit">One of <see cref="DeadlineUnit"/>.</param>
/// <param name="Due">The last day on which the obligation is still on time.</param>
/// <param name="CalendarNote">Set when the period runs through a year whose holidays are not published: it was counted with weekends only.</param>
public sealed record Deadline(string Kind, DateOnly From, int Count, string Unit, DateOnly Due, string? CalendarNote)
{
    /// <summary>A window (the time to appeal) lapses rather than falls overdue: nobody owes anything when it passes.</summary>
    public bool IsObligation => Kind != DeadlineKind.AppealWindow;

    public bool IsOverdueOn(DateOnly today) => IsObligation && today > Due;
}

public static class DeadlineUnit
{
    public const string WorkingDays = "working-days";
    public const string Months = "months";
}

public static class DeadlineKind
{
    /// <summary>Real-name informants are told of acceptance within 15 working days of receipt.</summary>
    public const string AcceptanceNotice = "acceptance-notice";

    /// <summary>A report that accuses this organ's head goes up within 5 working days of receipt.</summary>
    public const string Bypass = "bypass";

    /// <summary>The lower organ accepts or re-routes a transferred report within 5 working days.</summary>
    public const string TransferResponse = "transfer-response";

    /// <summary>The person asked in a talk or letter inquiry replies in writing within 15 working days.</summary>
    public const string InquiryReply = "inquiry-reply";

    /// <summary>Real-name informants get the outcome within 15 working days of the case's conclusion.</summary>
    public const string Feedback = "feedback";

    /// <summary>An appeal against a decision is lodged within 1 month of it.</summary>
    public const string AppealWindow = "appeal-window";

    /// <summary>An appeal is decided within 1 month (review) or 2 months (re-review).</summary>
    public const string AppealDecision = "appeal-decision";
}
