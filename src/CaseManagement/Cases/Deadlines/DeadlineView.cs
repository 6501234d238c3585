namespace Reporting.CaseManagement.Cases.Deadlines;

/// <summary>A deadline as the case detail and the case list show it on a given day.</summary>
/// <param name="MetAt">When the obligation was met or fell away; null while it runs.</param>
public sealed record DeadlineView(string Kind, DateOnly Due, bool Overdue, DateTimeOffset? MetAt, string? CalendarNote)
{
    public static IReadOnlyList<DeadlineView> Of(CaseState state, DateOnly today) =>
        state.Deadlines.Values
            .OrderBy(tracked => tracked.Deadline.Due)
            .ThenBy(tracked => tracked.Deadline.Kind, StringComparer.Ordinal)
            .Select(tracked => new DeadlineView(tracked.Deadline.Kind, tracked.Deadline.Due, tracked.IsOverdueOn(today), tracked.MetAt, tracked.Deadline.CalendarNote))
            .ToArray();

    /// <summary>The case list's <c>nextDeadline</c>: the earliest obligation still running (a lapsing appeal window is none).</summary>
    public static DateOnly? Next(CaseState state) =>
        state.Deadlines.Values
            .Where(tracked => tracked.MetAt is null && tracked.Deadline.IsObligation)
            .Select(tracked => (DateOnly?)tracked.Deadline.Due)
            .Min();

    /// <summary>The case list's <c>overdue</c> flag.</summary>
    public static bool AnyOverdue(CaseState state, DateOnly today) => state.OverdueOn(today).Any();
}
