using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Accepting;
using Reporting.CaseManagement.Cases.Approving;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.Bypassing;
using Reporting.CaseManagement.Cases.Closing;
using Reporting.CaseManagement.Cases.DecidingAppeal;
using Reporting.CaseManagement.Cases.Declining;
using Reporting.CaseManagement.Cases.Escalating;
using Reporting.CaseManagement.Cases.FilingNoSubstance;
using Reporting.CaseManagement.Cases.GrantingIdentity;
using Reporting.CaseManagement.Cases.HandlingProtectionRequest;
using Reporting.CaseManagement.Cases.LodgingAppeal;
using Reporting.CaseManagement.Cases.MarkingDuplicate;
using Reporting.CaseManagement.Cases.ProposingClarification;
using Reporting.CaseManagement.Cases.ProposingDisposition;
using Reporting.CaseManagement.Cases.ProposingFiling;
using Reporting.CaseManagement.Cases.ProposingWithdrawal;
using Reporting.CaseManagement.Cases.RecordingDefence;
using Reporting.CaseManagement.Cases.RecordingFalseAccusation;
using Reporting.CaseManagement.Cases.RecordingInquiryOutcome;
using Reporting.CaseManagement.Cases.RecordingInquiryReply;
using Reporting.CaseManagement.Cases.RecordingTransferResponse;
using Reporting.CaseManagement.Cases.Recusing;
using Reporting.CaseManagement.Cases.RefusingIdentity;
using Reporting.CaseManagement.Cases.Registering;
using Reporting.CaseManagement.Cases.Rejecting;
using Reporting.CaseManagement.Cases.Reopening;
using Reporting.CaseManagement.Cases.RequestingIdentity;
using Reporting.CaseManagement.Cases.SendingMessage;
using Reporting.CaseManagement.Cases.SigningVerificationReport;
using Reporting.CaseManagement.Cases.SubmittingInvestigationReport;
using Reporting.CaseManagement.Cases.SubmittingReviewReport;
using Reporting.CaseManagement.Cases.SubmittingVerificationReport;
using Reporting.CaseManagement.Cases.Transferring;

namespace Reporting.CaseManagement.Cases;

/// <summary>Every action on a case, and which of them a user may take now: the case detail's <c>allowedActions</c>.</summary>
public static class CaseActions
{
    public static readonly IReadOnlyList<CaseAction> All =
    [
        RegisterCaseDecider.Action,
        AcceptCaseDecider.Action,
        MarkDuplicateDecider.Action,
        FileNoSubstanceDecider.Action,
        EscalateDecider.Action,
        BypassDecider.Action,
        TransferDecider.Action,
        RecordTransferResponseDecider.Action,
        DeclineDecider.Action,
        AssignDecider.Action,
        ProposeDispositionDecider.Action,
        ApproveDecider.Action,
        RejectDecider.Action,
        RecordInquiryReplyDecider.Action,
        RecordInquiryOutcomeDecider.Action,
        SubmitVerificationReportDecider.Action,
        SignVerificationReportDecider.Action,
        ReopenDecider.Action,
        ProposeFilingDecider.Action,
        SubmitInvestigationReportDecider.Action,
        ProposeWithdrawalDecider.Action,
        RecordDefenceDecider.Action,
        SubmitReviewReportDecider.Action,
        LodgeAppealDecider.Action,
        DecideAppealDecider.Action,
        CloseCaseDecider.Action,
        ProposeClarificationDecider.Action,
        RecordFalseAccusationDecider.Action,
        SendMessageDecider.Action,
        HandleProtectionRequestDecider.Action,
        RecuseDecider.Action,
        RequestIdentityDecider.Action,
        GrantIdentityDecider.Action,
        RefuseIdentityDecider.Action,
    ];

    public static CaseAction Named(string name) =>
        All.FirstOrDefault(action => action.Name == name) ?? throw new ArgumentException($"There is no case action '{name}'.", nameof(name));

    /// <summary>Decides any command of <see cref="All"/>: the one entry for endpoints and for tests that drive whole cases.</summary>
    public static IReadOnlyList<object> Decide(CaseState state, object command, Actor actor, DateTimeOffset now, WorkingCalendar calendar) =>
        ByCommandType.Value[command.GetType()].Decide(state, command, actor, now, calendar);

    private static readonly Lazy<IReadOnlyDictionary<Type, CaseAction>> ByCommandType = new(() => All.ToDictionary(action => action.CommandType));

    public static IReadOnlyList<string> Allowed(CaseState state, Actor actor) =>
        All.Where(action => action.Guard(state, actor) is null).Select(action => action.Name).ToArray();
}
