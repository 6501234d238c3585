using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Contracts;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases.Closing;

/// <summary>Close a concluded case and give the informant its outcome (办结·反馈).</summary>
/// <param name="OutcomeForInformant">What the informant is told, kept for staff.</param>
/// <param name="FeedbackMessageId">The id of the feedback message in the informant's mailbox.</param>
/// <param name="SealedOutcome">The same text sealed to the informant's mailbox key, readable only with the receipt.</param>
public sealed record CloseCase(string OutcomeForInformant, Guid FeedbackMessageId, byte[] SealedOutcome);

public sealed class CloseCaseValidator : CommandValidator<CloseCase>
{
    public CloseCaseValidator()
    {
        RuleFor(command => command.OutcomeForInformant).NotEmpty().MaximumLength(4000);
        RuleFor(command => command.FeedbackMessageId).NotEmpty();
        RuleFor(command => command.SealedOutcome).NotEmpty();
    }
}

public static class CloseCaseDecider
{
    public static readonly CaseAction Action = CaseAction.For<CloseCase>("close", Guard, Decide);

    private static readonly CloseCaseValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "close a case", StaffRole.Registrar, StaffRole.Supervisor)
        ?? CaseRules.NoPendingProposal(state, "close the case")
        ?? CaseRules.InStage(state, "close the case", CaseStage.Decided);

    public static IReadOnlyList<object> Decide(CaseState state, CloseCase command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        IEnumerable<object> forDisclosure = state.Outcome == ConclusionOutcome.Sanctioned
            ? [new CaseClosedWithDecision(state.CaseId, state.Sanctions, state.DecidedAt!.Value, now)]
            : [];
        return CaseRules.Decided(state, now,
        [
            new CaseClosed(command.OutcomeForInformant, actor.Username, now),
            new OfficeMessageSent(command.FeedbackMessageId, command.SealedOutcome, IsFeedback: true, now),
            .. CaseRules.Close(state, DeadlineKind.Feedback, now),
            .. forDisclosure,
        ]);
    }
}
