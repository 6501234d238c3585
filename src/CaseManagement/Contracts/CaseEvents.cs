namespace Reporting.CaseManagement.Contracts;

// What other modules may learn of a case. Disclosure drafts notices only for cases closed with a sanctions decision.

/// <summary>A sanction as decided. Party and administrative types are those of the HTTP contract; other dispositions are <see cref="OtherDisposition"/>.</summary>
/// <param name="Kind">"party", "administrative" or "other".</param>
/// <param name="PeriodMonths">Probation: 12 or 24; administrative sanctions: their statutory period; otherwise none.</param>
public sealed record Sanction(string Kind, string Type, int? PeriodMonths);

/// <summary>A case was closed after a decision with sanctions had been taken: the only cases a notice may be drafted for.</summary>
public sealed record CaseClosedWithDecision(Guid CaseId, IReadOnlyList<Sanction> Sanctions, DateTimeOffset DecidedAt, DateTimeOffset ClosedAt);

public static class SanctionKind
{
    public const string Party = "party";
    public const string Administrative = "administrative";
    public const string Other = "other";
}

public static class PartySanction
{
    public const string Warning = "warning";
    public const string SeriousWarning = "serious-warning";
    public const string RemovalFromPartyPost = "removal-from-party-post";
    public const string Probation = "probation";
    public const string Expulsion = "expulsion";

    public static readonly IReadOnlyList<string> All = [Warning, SeriousWarning, RemovalFromPartyPost, Probation, Expulsion];
}

public static class AdministrativeSanction
{
    public const string Warning = "warning";
    public const string Demerit = "demerit";
    public const string MajorDemerit = "major-demerit";
    public const string Demotion = "demotion";
    public const string DismissalFromPost = "dismissal-from-post";
    public const string ExpulsionFromOffice = "expulsion-from-office";

    /// <summary>The statutory period of each administrative sanction (政务处分法 art. 8); expulsion has none.</summary>
    public static readonly IReadOnlyDictionary<string, int?> PeriodMonths = new Dictionary<string, int?>
    {
        [Warning] = 6,
        [Demerit] = 12,
        [MajorDemerit] = 18,
        [Demotion] = 24,
        [DismissalFromPost] = 24,
        [ExpulsionFromOffice] = null,
    };
}

public static class OtherDisposition
{
    public const string Reminder = "reminder";
    public const string Criticism = "criticism";
    public const string Admonition = "admonition";
    public const string ReferralToProcuratorate = "referral-to-procuratorate";
    public const string SanctionWaived = "sanction-waived";

    public static readonly IReadOnlyList<string> All = [Reminder, Criticism, Admonition, ReferralToProcuratorate, SanctionWaived];
}
