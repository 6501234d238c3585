using Reporting.Storage.Shredding;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases;

/// <summary>A proposal awaiting approval; only one may be pending on a case.</summary>
/// <param name="Number">Counts the case's proposals, from 1.</param>
/// <param name="Kind">One of <see cref="ProposalKind"/>.</param>
/// <param name="CollectiveReview">Who took part in the collective review (集体研究) behind it, where the rules ask for one.</param>
/// <param name="RequiredApprovals">Distinct approvers needed: 2 for case filing (the head, then the party-committee head), else 1.</param>
public sealed record ProposalMade(
    int Number,
    string Kind,
    Shreddable<string> Reason,
    IReadOnlyList<string> CollectiveReview,
    int RequiredApprovals,
    string By,
    DateTimeOffset At);

public sealed record ProposalApproved(int Number, Shreddable<string> Comment, string By, DateTimeOffset At);

public sealed record ProposalRejected(int Number, Shreddable<string> Comment, string By, DateTimeOffset At);

public static class ProposalKind
{
    public const string TalkInquiry = "talk-inquiry";
    public const string PreliminaryVerification = "preliminary-verification";
    public const string Park = "park";
    public const string CloseNoAction = "close-no-action";
    public const string Filing = "filing";
    public const string Withdrawal = "withdrawal";
    public const string Decision = "decision";
    public const string Clarification = "clarification";

    public static readonly IReadOnlyList<string> Dispositions = [TalkInquiry, PreliminaryVerification, Park, CloseNoAction];
}

/// <summary>A time limit started; <see cref="DeadlineClosed"/> stops it.</summary>
public sealed record DeadlineStarted(Deadline Deadline);

/// <summary>The obligation behind a deadline was met or fell away; whether on time is <see cref="At"/> against the due day.</summary>
public sealed record DeadlineClosed(string Kind, DateTimeOffset At);
