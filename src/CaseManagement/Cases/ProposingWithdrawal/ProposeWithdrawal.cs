using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.ProposingWithdrawal;

/// <summary>Propose withdrawing a filed case (撤销案件), for an approver to decide.</summary>
public sealed record ProposeWithdrawal(string Reason);

public sealed class ProposeWithdrawalValidator : CommandValidator<ProposeWithdrawal>
{
    public ProposeWithdrawalValidator() => RuleFor(command => command.Reason).NotEmpty().MaximumLength(4000);
}

public static class ProposeWithdrawalDecider
{
    public static readonly CaseAction Action = CaseAction.For<ProposeWithdrawal>("propose-withdrawal", Guard, Decide);

    private static readonly ProposeWithdrawalValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "propose withdrawing a case", StaffRole.Investigator)
        ?? CaseRules.InStage(state, "propose a withdrawal", CaseStage.Investigating)
        ?? CaseRules.NoPendingProposal(state, "propose a withdrawal")
        ?? CaseRules.Assigned(state, actor, "propose withdrawing it");

    public static IReadOnlyList<object> Decide(CaseState state, ProposeWithdrawal command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now,
            new ProposalMade(state.ProposalCount + 1, ProposalKind.Withdrawal, command.Reason, [], 1, actor.Username, now));
    }
}
