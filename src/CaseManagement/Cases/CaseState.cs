using System.Collections.Immutable;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Contracts;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases;

/// <summary>
/// A case as its events leave it. Immutable: <see cref="Create"/> starts it from Intake's first event and each
/// <c>Apply</c> returns the next state, the event store's aggregate convention.
/// </summary>
public sealed partial record CaseState
{
    public required Guid CaseId { get; init; }

    /// <summary>How many events the stream holds; the version an If-Match header names.</summary>
    public long Version { get; init; } = 1;

    public required string Stage { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The informant gave their identity at submission.</summary>
    public required bool SubmittedWithIdentity { get; init; }

    public CaseRegistered? Registration { get; init; }

    /// <summary>The case number given at registration; null before it, and for cases registered before numbers were.</summary>
    public string? Number { get; init; }

    /// <summary>The informant's mailbox key (X25519, public): office messages are sealed to it.</summary>
    public byte[] MailboxPublicKey { get; init; } = [];

    public string InformantStage { get; init; } = InformantStages.Received;

    public ImmutableList<string> Assignees { get; init; } = [];

    public ImmutableHashSet<string> Recused { get; init; } = [];

    // Separation of duties: who took part in each phase, kept for the life of the case.
    public ImmutableHashSet<string> LeadHandlers { get; init; } = [];
    public ImmutableHashSet<string> Investigators { get; init; } = [];
    public ImmutableHashSet<string> Reviewers { get; init; } = [];

    public PendingProposal? PendingProposal { get; init; }

    public int ProposalCount { get; init; }

    /// <summary>The stage to return to when a pending proposal is rejected.</summary>
    public string? StageBeforeProposal { get; init; }

    /// <summary>The latest deadline of each kind, with the time it was met.</summary>
    public ImmutableDictionary<string, TrackedDeadline> Deadlines { get; init; } = ImmutableDictionary<string, TrackedDeadline>.Empty;

    /// <summary>The day each kind of deadline was last reminded of.</summary>
    public ImmutableDictionary<string, DateOnly> RemindedOn { get; init; } = ImmutableDictionary<string, DateOnly>.Empty;

    public int InquiryRound { get; init; }
    public bool InquiryReplied { get; init; }

    public VerificationReport? VerificationReport { get; init; }

    public bool DefenceRecorded { get; init; }
    public ReviewReportSubmitted? ReviewReport { get; init; }

    /// <summary>How the handling ended, once it has (the case is then <see cref="CaseStage.Decided"/>).</summary>
    public string? Outcome { get; init; }
    public bool ReportUnfounded { get; init; }
    public ImmutableList<Sanction> Sanctions { get; init; } = [];
    public DateTimeOffset? DecidedAt { get; init; }

    public AppealLodged? OpenAppeal { get; init; }
    public ImmutableList<string> AppealsDecided { get; init; } = [];

    public bool NameCleared { get; init; }
    public bool FalseAccusationRecorded { get; init; }

    public CaseTransferred? Transfer { get; init; }
    public bool TransferAnswered { get; init; }

    public int InformantMessages { get; init; }
    public int Attachments { get; init; }

    /// <summary>Informant evidence or messages that arrived while the case was parked: grounds to reopen it.</summary>
    public bool NewEvidenceWhileParked { get; init; }

    /// <summary>Requests for protection from the informant not yet answered with measures: flagged to the approvers.</summary>
    public int OpenProtectionRequests { get; init; }

    /// <summary>The identity request awaiting an approver's decision; it lapses as <see cref="IdentityAccessInForce"/> says.</summary>
    public IdentityRequested? PendingIdentityRequest { get; init; }

    public int IdentityRequestCount { get; init; }

    /// <summary>Who was granted the informant's identity and still holds the grant.</summary>
    public ImmutableHashSet<string> IdentityGrantedTo { get; init; } = [];

    /// <summary>Every member of the verification team has signed the report, but for those who have since recused themselves.</summary>
    public bool VerificationReportComplete =>
        VerificationReport is { } report && report.Submitted.Team.All(member => report.SignedBy.Contains(member) || Recused.Contains(member));

    /// <summary>The report accused this organ's head and went up: a case detail shows nothing of it but the transfer record.</summary>
    public bool Bypassed => Stage == CaseStage.Escalated && Registration?.AccusesHead == true;

    /// <summary>The accused as registered; none before registration, or once the case's personal data was shredded.</summary>
    public IReadOnlyList<AccusedPerson> RegisteredAccused => Registration?.Accused.Value ?? [];

    /// <summary>The user holds a grant to read the real-name informant's identity, and has not stepped aside since.</summary>
    public bool MayReadIdentity(string username) =>
        SubmittedWithIdentity && IdentityGrantedTo.Contains(username) && !Recused.Contains(username);

    public bool IsRealName => Registration?.RealName ?? SubmittedWithIdentity;

    public IEnumerable<TrackedDeadline> OverdueOn(DateOnly today) =>
        Deadlines.Values.Where(deadline => deadline.IsOverdueOn(today));
}

public sealed record PendingProposal(ProposalMade Proposal, ImmutableList<string> ApprovedBy)
{
    public int Number => Proposal.Number;
    public string Kind => Proposal.Kind;
    public string ProposedBy => Proposal.By;
    public bool NeedsAnotherApproval => ApprovedBy.Count + 1 < Proposal.RequiredApprovals;
}

public sealed record TrackedDeadline(Deadline Deadline, DateTimeOffset? MetAt)
{
    public bool IsOverdueOn(DateOnly today) => MetAt is null && Deadline.IsOverdueOn(today);
}

public sealed record VerificationReport(VerificationReportSubmitted Submitted, ImmutableHashSet<string> SignedBy);
