using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases;

/// <summary>The staff stages of the HTTP contract.</summary>
public static class CaseStage
{
    public const string Submitted = "submitted";
    public const string Registered = "registered";
    public const string Accepted = "accepted";
    public const string DispositionPending = "disposition-pending";
    public const string TalkInquiry = "talk-inquiry";
    public const string Verification = "verification";
    public const string Parked = "parked";
    public const string Investigating = "investigating";
    public const string UnderReview = "under-review";
    public const string DecisionPending = "decision-pending";
    public const string Decided = "decided";
    public const string Closed = "closed";
    public const string Duplicate = "duplicate";
    public const string NoSubstance = "no-substance";
    public const string Escalated = "escalated";
    public const string Transferred = "transferred";
    public const string Declined = "declined";

    public static readonly IReadOnlyList<string> All =
    [
        Submitted, Registered, Accepted, DispositionPending, TalkInquiry, Verification, Parked, Investigating, UnderReview,
        DecisionPending, Decided, Closed, Duplicate, NoSubstance, Escalated, Transferred, Declined,
    ];

    /// <summary>The stages of handling an accepted case, up to and including its conclusion; not closed.</summary>
    public static readonly IReadOnlyList<string> Handling =
        [Accepted, DispositionPending, TalkInquiry, Verification, Parked, Investigating, UnderReview, DecisionPending, Decided];

    /// <summary>
    /// What the informant may know of a stage. Everything between acceptance and the outcome is "in progress": the
    /// informant never learns that a case was parked, is being verified or investigated, or awaits a decision, and
    /// learns the outcome only when the case is closed with feedback.
    /// </summary>
    public static string InformantStage(string stage) => stage switch
    {
        Submitted or Registered => InformantStages.Received,
        Accepted or DispositionPending => InformantStages.Accepted,
        TalkInquiry or Verification or Parked or Investigating or UnderReview or DecisionPending or Decided => InformantStages.InProgress,
        Closed => InformantStages.Concluded,
        Duplicate => InformantStages.FiledAsDuplicate,
        Escalated or Transferred => InformantStages.Transferred,
        NoSubstance or Declined => InformantStages.NotAccepted,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown case stage."),
    };
}
