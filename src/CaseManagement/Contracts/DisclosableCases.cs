namespace Reporting.CaseManagement.Contracts;

/// <summary>
/// What a disposition notice may be drafted from: the facts of a case that a notice may state, and nothing of the
/// informant. Publishers never read a case; this is the one narrow window Disclosure has onto one.
/// </summary>
public interface IDisclosableCases
{
    /// <summary>The id of the case that bears this case number (案件编号), or null: publishers know cases by their numbers.</summary>
    Task<Guid?> FindByNumberAsync(string caseNumber, CancellationToken cancellationToken);

    /// <summary>The case's notice-safe facts, or null for no such case. Audited as a read by <paramref name="username"/>.</summary>
    Task<DisclosableCase?> ReadForNoticeAsync(Guid caseId, string username, CancellationToken cancellationToken);

    /// <summary>
    /// The names (never the values) of the informant's fields, from the sealed identity and the report's informant-only
    /// fields, whose text appears in any of <paramref name="texts"/>: a notice that names its informant is refused.
    /// </summary>
    Task<IReadOnlyList<string>> InformantFieldsFoundInAsync(Guid caseId, IReadOnlyList<string> texts, CancellationToken cancellationToken);
}

/// <param name="Sanctioned">Closed after a decision with sanctions: a sanction notice may be drafted.</param>
/// <param name="FiledAt">When the case was filed for investigation (立案), if it was: a case-filed notice may be drafted.</param>
/// <param name="ClearedAt">When the accused's name was cleared (澄清正名), if it was: a clarification may be drafted.</param>
/// <param name="Findings">The review report's findings, for the publisher to shorten into the notice's own words.</param>
public sealed record DisclosableCase(
    Guid CaseId,
    string? CaseNumber,
    string Stage,
    bool Sanctioned,
    IReadOnlyList<DisclosableSubject> Accused,
    IReadOnlyList<string> Categories,
    IReadOnlyList<Sanction> Sanctions,
    string? Findings,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? FiledAt,
    DateTimeOffset? ClearedAt);

public sealed record DisclosableSubject(string Name, string? Position, string? Organization);
