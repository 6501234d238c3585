using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.ProposingDisposition;

/// <summary>Supervision proposes one of the four dispositions (处置方式), after a collective review, for an approver to decide.</summary>
/// <param name="Method">"talk-inquiry", "preliminary-verification", "park" or "close-no-action".</param>
/// <param name="CollectiveReview">Who took part in the collective review (集体研究).</param>
public sealed record ProposeDisposition(string Method, string Reason, IReadOnlyList<string> CollectiveReview);

public sealed class ProposeDispositionValidator : CommandValidator<ProposeDisposition>
{
    public ProposeDispositionValidator()
    {
        RuleFor(command => command.Method).Must(ProposalKind.Dispositions.Contains)
            .WithMessage("Method is one of: " + string.Join(", ", ProposalKind.Dispositions) + ".");
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(4000);
        RuleFor(command => command.CollectiveReview).ParticipantsOfCollectiveReview();
    }
}

public static class ProposeDispositionDecider
{
    public static readonly CaseAction Action = CaseAction.For<ProposeDisposition>("propose-disposition", Guard, Decide);

    private static readonly ProposeDispositionValidator Validator = new();

    // After a verification the lead is settled by filing (propose-filing), parking or closing; another disposition would
    // only repeat what was just done.
    private static readonly IReadOnlyList<string> AfterVerification = [ProposalKind.Park, ProposalKind.CloseNoAction];

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "propose a disposition", StaffRole.Supervisor)
        ?? CaseRules.NoPendingProposal(state, "propose a disposition")
        ?? CaseRules.InStage(state, "propose a disposition", CaseStage.Accepted, CaseStage.Verification)
        ?? (state.Stage == CaseStage.Verification && !state.VerificationReportComplete
            ? Refusal.Conflict("Cannot propose a disposition before the verification report is signed by every member of the team.")
            : null)
        ?? CasePhases.SeparationOfDuties(state, actor.Username);

    public static IReadOnlyList<object> Decide(CaseState state, ProposeDisposition command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        if (state.Stage == CaseStage.Verification && !AfterVerification.Contains(command.Method))
            throw new CaseActionRefusedException(Refusal.Conflict(
                $"After a preliminary verification the disposition is 'park' or 'close-no-action', or filing is proposed; not '{command.Method}'."));
        return CaseRules.Decided(state, now,
            new ProposalMade(state.ProposalCount + 1, command.Method, command.Reason, command.CollectiveReview, 1, actor.Username, now));
    }
}
