using System.Collections.Frozen;
using System.Reflection;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases;

public sealed partial record CaseState
{
    public static CaseState Create(ReportSubmitted submitted) => new()
    {
        CaseId = submitted.CaseId,
        Stage = CaseStage.Submitted,
        ReceivedAt = submitted.ReceivedAt,
        SubmittedWithIdentity = submitted.Identity is not null,
    };

    /// <summary>Rebuilds a case from its whole stream, the first event being Intake's <see cref="ReportSubmitted"/>.</summary>
    public static CaseState Rebuild(IEnumerable<object> events)
    {
        using var stream = events.GetEnumerator();
        if (!stream.MoveNext() || stream.Current is not ReportSubmitted submitted)
            throw new InvalidOperationException("A case stream starts with ReportSubmitted.");
        var state = Create(submitted);
        while (stream.MoveNext())
            state = state.Evolve(stream.Current);
        return state;
    }

    /// <summary>The next state and version; an event this aggregate has no Apply for changes only the version.</summary>
    public CaseState Evolve(object @event)
    {
        var next = Appliers.TryGetValue(@event.GetType(), out var apply) ? (CaseState)apply.Invoke(this, [@event])! : this;
        return next with { Version = Version + 1 };
    }

    // The same convention the event store uses: one public Apply per event type.
    private static readonly FrozenDictionary<Type, MethodInfo> Appliers = typeof(CaseState)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .Where(method => method.Name == nameof(Apply) && method.GetParameters().Length == 1 && method.ReturnType == typeof(CaseState))
        .ToFrozenDictionary(method => method.GetParameters()[0].ParameterType);

    public CaseState Apply(CaseRegistered e) => this with { Registration = e, Stage = CaseStage.Registered };
    public CaseState Apply(CaseAccepted e) => this with { Stage = CaseStage.Accepted };
    public CaseState Apply(MarkedDuplicate e) => this with { Stage = CaseStage.Duplicate };
    public CaseState Apply(FiledNoSubstance e) => this with { Stage = CaseStage.NoSubstance };
    public CaseState Apply(CaseEscalated e) => this with { Stage = CaseStage.Escalated };
    public CaseState Apply(ReportBypassed e) => this with { Stage = CaseStage.Escalated, Assignees = [] };
    public CaseState Apply(CaseTransferred e) => this with { Stage = CaseStage.Transferred, Transfer = e };
    public CaseState Apply(TransferResponseRecorded e) => this with { TransferAnswered = true };
    public CaseState Apply(CaseDeclined e) => this with { Stage = CaseStage.Declined };

    public CaseState Apply(ProposalMade e) => TookPart(e.By) with
    {
        PendingProposal = new PendingProposal(e, []),
        ProposalCount = e.Number,
        StageBeforeProposal = Stage,
        Stage = e.Kind switch
        {
            ProposalKind.Decision => CaseStage.DecisionPending,
            _ when ProposalKind.Dispositions.Contains(e.Kind) => CaseStage.DispositionPending,
            _ => Stage,
        },
    };

    public CaseState Apply(ProposalApproved e) => PendingProposal!.NeedsAnotherApproval
        ? this with { PendingProposal = PendingProposal with { ApprovedBy = PendingProposal.ApprovedBy.Add(e.By) } }
        : WithoutProposal();

    public CaseState Apply(ProposalRejected e) => WithoutProposal();

    private CaseState WithoutProposal() =>
        this with { PendingProposal = null, Stage = StageBeforeProposal ?? Stage, StageBeforeProposal = null };

    public CaseState Apply(DeadlineStarted e) =>
        this with { Deadlines = Deadlines.SetItem(e.Deadline.Kind, new TrackedDeadline(e.Deadline, null)) };

    public CaseState Apply(DeadlineClosed e) =>
        this with { Deadlines = Deadlines.SetItem(e.Kind, Deadlines[e.Kind] with { MetAt = e.At }) };

    public CaseState Apply(DeadlineReminderSent e) =>
        this with { RemindedOn = RemindedOn.SetItem(e.Kind, WorkingCalendar.DateInChina(e.At)) };

    public CaseState Apply(StaffAssigned e) => e.Usernames.Aggregate(this, (state, user) => state.TookPart(user)) with { Assignees = [.. e.Usernames] };

    public CaseState Apply(StaffRecused e) => this with { Recused = Recused.Add(e.Username), Assignees = Assignees.Remove(e.Username) };

    public CaseState Apply(InquiryOpened e) => this with { Stage = CaseStage.TalkInquiry, InquiryRound = e.Round, InquiryReplied = false };
    public CaseState Apply(InquiryReplyRecorded e) => TookPart(e.By) with { InquiryReplied = true };
    public CaseState Apply(InquiryOutcomeRecorded e) => TookPart(e.By);

    public CaseState Apply(VerificationOpened e) => this with { Stage = CaseStage.Verification, VerificationReport = null };
    public CaseState Apply(VerificationReportSubmitted e) => TookPart(e.By) with { VerificationReport = new VerificationReport(e, [e.By]) };
    public CaseState Apply(VerificationReportSigned e) => TookPart(e.By) with { VerificationReport = VerificationReport! with { SignedBy = VerificationReport.SignedBy.Add(e.By) } };

    public CaseState Apply(CaseParked e) => this with { Stage = CaseStage.Parked, NewEvidenceWhileParked = false };
    public CaseState Apply(CaseReopened e) => TookPart(e.By) with { Stage = CaseStage.Accepted, NewEvidenceWhileParked = false };

    // Each office works with its own people: a new phase starts with nobody assigned.
    public CaseState Apply(CaseFiled e) => this with { Stage = CaseStage.Investigating, Assignees = [] };
    public CaseState Apply(InvestigationReportSubmitted e) => TookPart(e.By) with { Stage = CaseStage.UnderReview, Assignees = [] };

    public CaseState Apply(DefenceRecorded e) => TookPart(e.By) with { DefenceRecorded = true };
    public CaseState Apply(ReviewReportSubmitted e) => TookPart(e.By) with { ReviewReport = e };

    public CaseState Apply(CaseConcluded e) =>
        this with { Stage = CaseStage.Decided, Outcome = e.Outcome, ReportUnfounded = e.ReportUnfounded, DecidedAt = e.At };

    public CaseState Apply(DecisionMade e) =>
        this with { Stage = CaseStage.Decided, Outcome = ConclusionOutcome.Sanctioned, Sanctions = [.. e.Sanctions], DecidedAt = e.At };

    public CaseState Apply(AppealLodged e) => this with { OpenAppeal = e };
    public CaseState Apply(AppealDecided e) =>
        this with { OpenAppeal = null, AppealsDecided = AppealsDecided.Add(OpenAppeal!.Kind), Sanctions = [.. e.Sanctions] };

    public CaseState Apply(CaseClosed e) => this with { Stage = CaseStage.Closed };
    public CaseState Apply(NameCleared e) => this with { NameCleared = true };
    public CaseState Apply(FalseAccusationRecorded e) => this with { FalseAccusationRecorded = true };

    public CaseState Apply(InformantStageChanged e) => this with { InformantStage = e.Stage };
    public CaseState Apply(InformantMessageReceived e) =>
        this with { InformantMessages = InformantMessages + 1, NewEvidenceWhileParked = NewEvidenceWhileParked || Stage == CaseStage.Parked };
    public CaseState Apply(AttachmentReceived e) =>
        this with { Attachments = Attachments + 1, NewEvidenceWhileParked = NewEvidenceWhileParked || Stage == CaseStage.Parked };
    public CaseState Apply(ProtectionRequested e) => this with { OpenProtectionRequests = OpenProtectionRequests + 1 };
    public CaseState Apply(HandlingProtectionRequest.ProtectionRequestHandled e) => this with { OpenProtectionRequests = OpenProtectionRequests - 1 };

    /// <summary>Records the user in the phase the case is in, for the separation of lead handling, investigation and review.</summary>
    private CaseState TookPart(string username) => CasePhases.Of(Stage) switch
    {
        CasePhase.Lead => this with { LeadHandlers = LeadHandlers.Add(username) },
        CasePhase.Investigation => this with { Investigators = Investigators.Add(username) },
        CasePhase.Review => this with { Reviewers = Reviewers.Add(username) },
        _ => this,
    };
}
