using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Accepting;
using Reporting.CaseManagement.Cases.Approving;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.Bypassing;
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
using Reporting.CaseManagement.Cases.Rejecting;
using Reporting.CaseManagement.Cases.Reopening;
using Reporting.CaseManagement.Cases.RequestingIdentity;
using Reporting.CaseManagement.Cases.SendingMessage;
using Reporting.CaseManagement.Cases.SigningVerificationReport;
using Reporting.CaseManagement.Cases.SubmittingInvestigationReport;
using Reporting.CaseManagement.Cases.SubmittingReviewReport;
using Reporting.CaseManagement.Cases.SubmittingVerificationReport;
using Reporting.CaseManagement.Cases.Transferring;
using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Tests.Properties;

/// <summary>A command for each action, its details picked by a number: mostly plausible, sometimes not.</summary>
internal static class RandomCommands
{
    private static readonly IReadOnlyList<string> Meeting = CaseHistory.Meeting;

    // Teams a supervisor or approver might assign, some of which separation of duties must refuse in some phases.
    private static readonly string[][] Teams =
    [
        ["supervisor1", "supervisor2"],
        ["investigator1", "investigator2"],
        ["reviewer1"],
        ["allrounder1", "supervisor2"],
        ["allrounder1", "investigator2"],
        ["allrounder1"],
        ["registrar1"],
        ["head1", "supervisor1"],
    ];

    private static readonly Sanction[][] SanctionChoices =
    [
        [new(SanctionKind.Party, PartySanction.Warning, null)],
        [new(SanctionKind.Party, PartySanction.Probation, 12), new(SanctionKind.Administrative, AdministrativeSanction.Demotion, null)],
        [new(SanctionKind.Other, OtherDisposition.Admonition, null)],
        [new(SanctionKind.Party, PartySanction.Probation, 18)],
    ];

    private static string[] TeamFor(CasePhase phase) => phase switch
    {
        CasePhase.Investigation => Teams[1],
        CasePhase.Review => Teams[2],
        _ => Teams[0],
    };

    public static object For(string action, CaseState state, int variant) => action switch
    {
        "register" => CaseHistory.Registration(realName: variant % 9 == 0 ? !state.SubmittedWithIdentity : state.SubmittedWithIdentity, accusesHead: variant % 5 == 0),
        "accept" => new AcceptCase(),
        "mark-duplicate" => new MarkDuplicate(variant % 4 == 0 ? state.CaseId : Guid.Parse("3d2b7c1e-8f4a-4e6b-9c0d-1a2b3c4d5e6f")),
        "file-no-substance" => new FileNoSubstance("Nothing specific."),
        "escalate" => new Escalate("Managed above."),
        "bypass" => new Bypass("某省纪委监委"),
        "transfer" => new Transfer("某区纪委监委", "Managed below.", variant % 2 == 0),
        "record-transfer-response" => new RecordTransferResponse(variant % 2 == 0 ? "accepted" : "re-routed", ""),
        "decline" => new Decline("Litigation pending.", "litigation"),
        "assign" => new Assign(variant % 3 == 0 ? Teams[variant / 3 % Teams.Length] : TeamFor(CasePhases.Of(state.Stage))),
        "propose-disposition" => new ProposeDisposition(
            variant % 2 == 0 ? ProposalKind.PreliminaryVerification : ProposalKind.Dispositions[variant / 2 % 4], "Because.", Meeting),
        "approve" => new Approve("Agreed."),
        "reject" => new Reject("Not yet."),
        "record-inquiry-reply" => new RecordInquiryReply("The reply."),
        "record-inquiry-outcome" => new RecordInquiryOutcome(InquiryOutcome.All[variant % 5], "Outcome.", Meeting),
        "submit-verification-report" => new SubmitVerificationReport("Findings.", variant % 2 == 0 ? "file-case" : "close"),
        "sign-verification-report" => new SignVerificationReport(),
        "reopen" => new Reopen("New receipts."),
        "propose-filing" => new ProposeFiling("Violations found.", Meeting),
        "submit-investigation-report" => new SubmitInvestigationReport("Facts."),
        "propose-withdrawal" => new ProposeWithdrawal("The subject died."),
        "record-defence" => new RecordDefence("Defence.", variant % 3 == 0),
        "submit-review-report" => new SubmitReviewReport("Findings.", SanctionChoices[variant % SanctionChoices.Length], ["reviewer1", "reviewer2"]),
        "lodge-appeal" => new LodgeAppeal(variant % 3 == 0 ? AppealKind.ReReview : AppealKind.Review, "Too heavy."),
        "decide-appeal" => (variant % 3) switch
        {
            0 => new DecideAppeal("upheld", "Fits."),
            1 => new DecideAppeal("varied", "Lighter.", [new Sanction(SanctionKind.Party, PartySanction.Warning, null)]),
            _ => new DecideAppeal("revoked", "Unfounded."),
        },
        "close" => CaseHistory.Closing(),
        "propose-clarification" => new ProposeClarification("Proved false."),
        "record-false-accusation" => new RecordFalseAccusation("Fabricated."),
        "send-message" => new SendMessage("A question.", Guid.Parse("9b2f4c1d-1e2f-4a5b-8c9d-0e1f2a3b4c5d"), [1]),
        "recuse" => new Recuse("Related to the accused."),
        "handle-protection-request" => new HandleProtectionRequest("Measures taken."),
        "request-identity" => new RequestIdentity("The informant must be heard."),
        "grant-identity" => new GrantIdentity("Agreed."),
        "refuse-identity" => new RefuseIdentity("Not needed."),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No random command for this action."),
    };
}
