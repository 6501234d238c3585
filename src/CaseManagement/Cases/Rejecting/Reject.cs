using FluentValidation;
using Reporting.CaseManagement.Cases.Approving;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.Rejecting;

/// <summary>Reject the pending proposal; the case returns to where it was before it, and the reason is recorded.</summary>
public sealed record Reject(string Comment);

public sealed class RejectValidator : CommandValidator<Reject>
{
    public RejectValidator() => RuleFor(command => command.Comment).NotEmpty().WithMessage("Say why the proposal is rejected.").MaximumLength(2000);
}

public static class RejectDecider
{
    // Rejecting is deciding on the proposal too: the same people may do it as may approve it.
    public static readonly CaseAction Action = CaseAction.For<Reject>("reject", ApproveDecider.Guard, Decide);

    private static readonly RejectValidator Validator = new();

    public static IReadOnlyList<object> Decide(CaseState state, Reject command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Action.Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now, new ProposalRejected(state.PendingProposal!.Number, command.Comment, actor.Username, now));
    }
}
