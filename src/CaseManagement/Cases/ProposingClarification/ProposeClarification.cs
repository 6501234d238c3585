using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.ProposingClarification;

/// <summary>Propose clearing the name of a falsely accused person (澄清正名), for the head to approve.</summary>
public sealed record ProposeClarification(string Statement);

public sealed class ProposeClarificationValidator : CommandValidator<ProposeClarification>
{
    public ProposeClarificationValidator() => RuleFor(command => command.Statement).NotEmpty().MaximumLength(4000);
}

public static class ProposeClarificationDecider
{
    public static readonly CaseAction Action = CaseAction.For<ProposeClarification>("propose-clarification", Guard, Decide);

    private static readonly ProposeClarificationValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "propose a clarification", StaffRole.Supervisor)
        ?? CaseRules.NoPendingProposal(state, "propose a clarification")
        ?? CaseRules.InStage(state, "propose a clarification", CaseStage.Decided, CaseStage.Closed)
        ?? (state.ReportUnfounded ? null : Refusal.Conflict("A name is cleared only when the report proved unfounded."))
        ?? (state.NameCleared ? Refusal.Conflict("The accused's name has already been cleared.") : null);

    public static IReadOnlyList<object> Decide(CaseState state, ProposeClarification command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now,
            new ProposalMade(state.ProposalCount + 1, ProposalKind.Clarification, command.Statement, [], 1, actor.Username, now));
    }
}
