using Reporting.Storage.Shredding;
using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Cases;

// How a case ends: the conclusion (办结), appeals against a decision, closure with feedback, and what may follow.

/// <summary>The handling ended without a sanctions decision (no action, an inquiry outcome, or withdrawal).</summary>
/// <param name="Outcome">One of <see cref="ConclusionOutcome"/>.</param>
/// <param name="ReportUnfounded">The report proved unfounded: the accused may have their name cleared.</param>
public sealed record CaseConcluded(string Outcome, Shreddable<string> Note, bool ReportUnfounded, DateTimeOffset At);

public static class ConclusionOutcome
{
    public const string NoAction = "no-action";
    public const string InquiryCleared = "inquiry-cleared";
    public const string InquiryReminder = "inquiry-reminder";
    public const string InquiryCriticism = "inquiry-criticism";
    public const string Withdrawn = "withdrawn";
    public const string Sanctioned = "sanctioned";
}

public sealed record DecisionMade(IReadOnlyList<Sanction> Sanctions, DateTimeOffset At);

/// <param name="Kind">"review" (复审, decided within 1 month) or "re-review" (复核, within 2 months).</param>
public sealed record AppealLodged(string Kind, Shreddable<string> Grounds, string By, DateTimeOffset At);

/// <param name="Outcome">"upheld", "varied" or "revoked".</param>
/// <param name="Sanctions">The sanctions in force after the appeal.</param>
public sealed record AppealDecided(string Outcome, IReadOnlyList<Sanction> Sanctions, Shreddable<string> Comment, string By, DateTimeOffset At);

public sealed record CaseClosed(Shreddable<string> OutcomeForInformant, string By, DateTimeOffset At);

public sealed record NameCleared(Shreddable<string> Statement, DateTimeOffset At);

public sealed record FalseAccusationRecorded(Shreddable<string> Findings, string By, DateTimeOffset At);
