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
        MailboxPublicKey = submitted.MailboxPublicKey,
    };

    /// <summary>Rebuilds a case from its whole stream, the first event being Intake's <see cref="ReportSubmitted"/>.</summary>
    public static CaseState Rebuild(IEnumerable<object> events)
    {
        using var stream = events.GetEnumerator();
        if (!stream.MoveNext() || stream.Current is not ReportSubmitted submitted)
            throw new InvalidOperationException("A case stream starts with ReportSubmitted.");
        var state = Create(submitted);
        while (stream.MoveNext())
            state = state.Apply(stream.Current);
        return state;
    }

    /// <summary>
    /// The next state and version; an event the case has no <c>When</c> for changes only the version. This one Apply takes
    /// every event, so that the event store's aggregation convention (which sets no version) counts the stream's
    /// events as replaying it here does.
    /// </summary>
    public CaseState Apply(object @event)
    {
        var next = Appliers.TryGetValue(@event.GetType(), out var when) ? (CaseState)when.Invoke(this, [@event])! : this;
        return next.IdentityAccessInForce() with { Version = Version + 1 };
    }

    /// <summary>The event types that change the case (every other one only moves its version).</summary>
    internal static IEnumerable<Type> AppliedEventTypes => Appliers.Keys.OrderBy(type => type.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, MethodInfo> Appliers = typeof(CaseState)
        .GetMethods(BindingFlags.NonPublic | BindingFlags.Instance)
        .Where(method => method.Name == nameof(When) && method.GetParameters().Length == 1 && method.ReturnType == typeof(CaseState))
        .ToFrozenDictionary(method => method.GetParameters()[0].ParameterType);

    private CaseState When(CaseRegistered e) => this with { Registration = e, Stage = CaseStage.Registered };
    private CaseState When(CaseNumbered e) => this with { Number = e.Number };
    private CaseState When(CaseAccepted e) => this with { Stage = CaseStage.Accepted };
    private CaseState When(MarkedDuplicate e) => this with { Stage = CaseStage.Duplicate };
    private CaseState When(FiledNoSubstance e) => this with { Stage = CaseStage.NoSubstance };
    private CaseState When(CaseEscalated e) => this with { Stage = CaseStage.Escalated };
    private CaseState When(ReportBypassed e) => this with { Stage = CaseStage.Escalated, Assignees = [] };
    private CaseState When(CaseTransferred e) => this with { Stage = CaseStage.Transferred, Transfer = e };
    private CaseState When(TransferResponseRecorded e) => this with { TransferAnswered = true };
    private CaseState When(CaseDeclined e) => this with { Stage = CaseStage.Declined };

    private CaseState When(ProposalMade e) => TookPart(e.By) with
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

    private CaseState When(ProposalApproved e) => PendingProposal!.NeedsAnotherApproval
        ? this with { PendingProposal = PendingProposal with { ApprovedBy = PendingProposal.ApprovedBy.Add(e.By) } }
        : WithoutProposal();

    private CaseState When(ProposalRejected e) => WithoutProposal();

    private CaseState WithoutProposal() =>
        this with { PendingProposal = null, Stage = StageBeforeProposal ?? Stage, StageBeforeProposal = null };

    private CaseState When(DeadlineStarted e) =>
        this with { Deadlines = Deadlines.SetItem(e.Deadline.Kind, new TrackedDeadline(e.Deadline, null)) };

    private CaseState When(DeadlineClosed e) =>
        this with { Deadlines = Deadlines.SetItem(e.Kind, Deadlines[e.Kind] with { MetAt = e.At }) };

    private CaseState When(DeadlineReminderSent e) =>
        this with { RemindedOn = RemindedOn.SetItem(e.Kind, WorkingCalendar.DateInChina(e.At)) };

    private CaseState When(StaffAssigned e) => e.Usernames.Aggregate(this, (state, user) => state.TookPart(user)) with { Assignees = [.. e.Usernames] };

    private CaseState When(StaffRecused e) => this with { Recused = Recused.Add(e.Username), Assignees = Assignees.Remove(e.Username) };

    private CaseState When(InquiryOpened e) => this with { Stage = CaseStage.TalkInquiry, InquiryRound = e.Round, InquiryReplied = false };
    private CaseState When(InquiryReplyRecorded e) => TookPart(e.By) with { InquiryReplied = true };
    private CaseState When(InquiryOutcomeRecorded e) => TookPart(e.By);

    private CaseState When(VerificationOpened e) => this with { Stage = CaseStage.Verification, VerificationReport = null };
    private CaseState When(VerificationReportSubmitted e) => TookPart(e.By) with { VerificationReport = new VerificationReport(e, [e.By]) };
    private CaseState When(VerificationReportSigned e) => TookPart(e.By) with { VerificationReport = VerificationReport! with { SignedBy = VerificationReport.SignedBy.Add(e.By) } };

    private CaseState When(CaseParked e) => this with { Stage = CaseStage.Parked, NewEvidenceWhileParked = false };
    private CaseState When(CaseReopened e) => TookPart(e.By) with { Stage = CaseStage.Accepted, NewEvidenceWhileParked = false };

    // Each office works with its own people: a new phase starts with nobody assigned.
    private CaseState When(CaseFiled e) => this with { Stage = CaseStage.Investigating, Assignees = [] };
    private CaseState When(InvestigationReportSubmitted e) => TookPart(e.By) with { Stage = CaseStage.UnderReview, Assignees = [] };

    private CaseState When(DefenceRecorded e) => TookPart(e.By) with { DefenceRecorded = true };
    private CaseState When(ReviewReportSubmitted e) => TookPart(e.By) with { ReviewReport = e };

    private CaseState When(CaseConcluded e) =>
        this with { Stage = CaseStage.Decided, Outcome = e.Outcome, ReportUnfounded = e.ReportUnfounded, DecidedAt = e.At };

    private CaseState When(DecisionMade e) =>
        this with { Stage = CaseStage.Decided, Outcome = ConclusionOutcome.Sanctioned, Sanctions = [.. e.Sanctions], DecidedAt = e.At };

    private CaseState When(AppealLodged e) => this with { OpenAppeal = e };
    private CaseState When(AppealDecided e) =>
        this with { OpenAppeal = null, AppealsDecided = AppealsDecided.Add(OpenAppeal!.Kind), Sanctions = [.. e.Sanctions] };

    private CaseState When(CaseClosed e) => this with { Stage = CaseStage.Closed };
    private CaseState When(NameCleared e) => this with { NameCleared = true };
    private CaseState When(FalseAccusationRecorded e) => this with { FalseAccusationRecorded = true };

    private CaseState When(InformantStageChanged e) => this with { InformantStage = e.Stage };
    private CaseState When(InformantMessageReceived e) =>
        this with { InformantMessages = InformantMessages + 1, NewEvidenceWhileParked = NewEvidenceWhileParked || Stage == CaseStage.Parked };
    private CaseState When(AttachmentReceived e) =>
        this with { Attachments = Attachments + 1, NewEvidenceWhileParked = NewEvidenceWhileParked || Stage == CaseStage.Parked };
    private CaseState When(ProtectionRequested e) => this with { OpenProtectionRequests = OpenProtectionRequests + 1 };
    private CaseState When(HandlingProtectionRequest.ProtectionRequestHandled e) => this with { OpenProtectionRequests = OpenProtectionRequests - 1 };

    private CaseState When(IdentityRequested e) => this with { PendingIdentityRequest = e, IdentityRequestCount = e.Number };
    private CaseState When(IdentityGranted e) =>
        this with { PendingIdentityRequest = null, IdentityGrantedTo = IdentityGrantedTo.Add(e.RequestedBy) };
    private CaseState When(IdentityRefused e) => this with { PendingIdentityRequest = null };

    /// <summary>
    /// Need to know: a grant, and a request still waiting, last only while their holder is on the team handling the case.
    /// Recusal, being taken off the team, a new phase starting with a new team, or the case leaving handling (closed) ends
    /// them for good; being assigned again later does not bring a grant back, a new request is needed.
    /// </summary>
    private CaseState IdentityAccessInForce()
    {
        if (PendingIdentityRequest is null && IdentityGrantedTo.IsEmpty)
            return this;
        var handling = CaseStage.Handling.Contains(Stage);
        return this with
        {
            PendingIdentityRequest = handling && PendingIdentityRequest is { } pending && Assignees.Contains(pending.By) ? pending : null,
            IdentityGrantedTo = handling ? IdentityGrantedTo.Intersect(Assignees) : [],
        };
    }

    /// <summary>Records the user in the phase the case is in, for the separation of lead handling, investigation and review.</summary>
    private CaseState TookPart(string username) => CasePhases.Of(Stage) switch
    {
        CasePhase.Lead => this with { LeadHandlers = LeadHandlers.Add(username) },
        CasePhase.Investigation => this with { Investigators = Investigators.Add(username) },
        CasePhase.Review => this with { Reviewers = Reviewers.Add(username) },
        _ => this,
    };
}
