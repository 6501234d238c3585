namespace Reporting.CaseManagement.Cases.Listing;

/// <summary>
/// A case as the case list finds it: stage, dates, the staff on it, and nothing of the report in clear. The title stays
/// sealed as the informant sent it; accused names are there only as keyed blind-index tokens; the case's own state,
/// which the next event is folded into, is kept sealed under the key-encryption key.
/// </summary>
/// <param name="NextDeadline">The earliest running obligation: the case is overdue once China's date is past it.</param>
/// <param name="PendingProposalBy">Who made the proposal awaiting approval, if one does: the approvers' queue.</param>
/// <param name="OpenProtectionRequests">The informant's requests for protection not yet answered: flagged to the approvers.</param>
/// <param name="SearchTokens">Blind-index tokens of the registered accused names (<see cref="CaseSearchIndex"/>).</param>
/// <param name="Bypassed">The report accused this organ's head and went up: nothing of it is shown here.</param>
/// <param name="CaseNumber">The case number given at registration, found by <c>q</c>; null before it.</param>
/// <param name="InformantMessages">How many messages the informant has sent: the workbench counts each reader's unread against it.</param>
public sealed record CaseListItem(
    Guid Id,
    long Version,
    string Stage,
    DateTimeOffset ReceivedAt,
    DateOnly? NextDeadline,
    string[] Assignees,
    string[] Recused,
    string? PendingProposalBy,
    string? PendingProposalKind,
    int OpenProtectionRequests,
    string[] SearchTokens,
    bool Bypassed,
    SealedTitle Title,
    byte[] SealedState,
    string? CaseNumber,
    int InformantMessages = 0);

/// <summary>The report's title field as Intake sealed it, with what opens it.</summary>
public sealed record SealedTitle(string SealingKeyId, byte[] SealedDataKey, byte[] Field);
