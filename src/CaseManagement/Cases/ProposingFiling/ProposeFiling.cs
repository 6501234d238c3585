using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.ProposingFiling;

/// <summary>
/// Propose opening a case for review and investigation (立案审查调查) once the verification report is signed. It takes two
/// approvals by different approvers: the commission's head, and the same-level party committee's head, recorded second.
/// </summary>
public sealed record ProposeFiling(string Reason, IReadOnlyList<string> CollectiveReview);

public sealed class ProposeFilingValidator : CommandValidator<ProposeFiling>
{
    public ProposeFilingValidator()
    {
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(4000);
        RuleFor(command => command.CollectiveReview).ParticipantsOfCollectiveReview();
    }
}

public static class ProposeFilingDecider
{
    public const int RequiredApprovals = 2;

    public static readonly CaseAction Action = CaseAction.For<ProposeFiling>("propose-filing", Guard, Decide);

    private static readonly ProposeFilingValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "propose filing a case", StaffRole.Supervisor)
        ?? CaseRules.NoPendingProposal(state, "propose filing")
        ?? CaseRules.InStage(state, "propose filing", CaseStage.Verification)
        ?? (state.VerificationReportComplete
            ? null
            : Refusal.Conflict("Cannot propose filing before the verification report is signed by every member of the team."))
        ?? CasePhases.SeparationOfDuties(state, actor.Username);

    public static IReadOnlyList<object> Decide(CaseState state, ProposeFiling command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now,
            new ProposalMade(state.ProposalCount + 1, ProposalKind.Filing, command.Reason, command.CollectiveReview, RequiredApprovals, actor.Username, now));
    }
}
