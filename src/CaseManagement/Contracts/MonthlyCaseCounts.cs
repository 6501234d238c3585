namespace Reporting.CaseManagement.Contracts;

/// <summary>
/// The office's monthly counters as other modules may read them: how many reports and cases did what in each month
/// of China's calendar. Exact counts, never a case; a module that publishes them must protect small figures itself.
/// </summary>
public interface IMonthlyCaseCounts
{
    /// <summary>The counters of each month asked (<c>yyyy-MM</c>), by <see cref="CaseCounter"/> name; a month with nothing counted has none.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>> ForMonthsAsync(IReadOnlyList<string> months, CancellationToken cancellationToken);

    /// <summary>
    /// Whether every event that happened before <paramref name="instant"/> has been counted. The counters follow the
    /// cases a moment behind; figures published before they have caught up would change afterwards.
    /// </summary>
    Task<bool> HaveCountedEverythingBeforeAsync(DateTimeOffset instant, CancellationToken cancellationToken);
}

/// <summary>The names of the counters that other modules read.</summary>
public static class CaseCounter
{
    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string Filed = "filed";
    public const string Decided = "decided";
    public const string NameCleared = "name-cleared";

    public const string TalkInquiry = "disposition:talk-inquiry";
    public const string PreliminaryVerification = "disposition:preliminary-verification";
    public const string Parked = "disposition:park";

    /// <summary>A lead closed without action (予以了结), whether straight away or after a preliminary verification.</summary>
    public const string ClosedWithoutAction = "concluded:no-action";

    public static string Sanction(string kind, string type) => $"sanction:{kind}:{type}";
}
