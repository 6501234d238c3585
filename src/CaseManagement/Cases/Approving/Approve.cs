using Reporting.Storage.Shredding;
using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.Approving;

/// <summary>Approve the pending proposal; the last approval it needs carries it out.</summary>
public sealed record Approve(string Comment);

public sealed class ApproveValidator : CommandValidator<Approve>
{
    public ApproveValidator() => RuleFor(command => command.Comment).NotNull().MaximumLength(2000);
}

public static class ApproveDecider
{
    public static readonly CaseAction Action = CaseAction.For<Approve>("approve", Guard, Decide);

    private static readonly ApproveValidator Validator = new();

    internal static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "approve or reject a proposal", StaffRole.Approver)
        ?? (state.PendingProposal is null ? Refusal.Conflict("There is no pending proposal on this case.") : null)
        ?? (state.PendingProposal!.ProposedBy == actor.Username
            ? Refusal.Forbidden($"{actor.Username} made proposal {state.PendingProposal.Number} and cannot decide on it.")
            : null)
        ?? (state.PendingProposal.ApprovedBy.Contains(actor.Username)
            ? Refusal.Forbidden($"{actor.Username} has already approved proposal {state.PendingProposal.Number}; its next approval must come from another approver.")
            : null);

    public static IReadOnlyList<object> Decide(CaseState state, Approve command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        var pending = state.PendingProposal!;
        var approval = new ProposalApproved(pending.Number, command.Comment, actor.Username, now);
        if (pending.NeedsAnotherApproval)
            return CaseRules.Decided(state, now, approval);
        return CaseRules.Decided(state, now, [approval, .. CarryOut(state, pending.Proposal, now, calendar)]);
    }

    private static IEnumerable<object> CarryOut(CaseState state, ProposalMade proposal, DateTimeOffset now, WorkingCalendar calendar) => proposal.Kind switch
    {
        ProposalKind.TalkInquiry => OpenInquiry(state, now, calendar),
        ProposalKind.PreliminaryVerification => [new VerificationOpened(now)],
        ProposalKind.Park => [new CaseParked(proposal.Reason, now)],
        ProposalKind.CloseNoAction => Conclude(state, ConclusionOutcome.NoAction, proposal.Reason, now, calendar),
        ProposalKind.Filing => [new CaseFiled(now)],
        ProposalKind.Withdrawal => Conclude(state, ConclusionOutcome.Withdrawn, proposal.Reason, now, calendar),
        ProposalKind.Decision =>
        [
            new DecisionMade(state.ReviewReport!.ProposedSanctions, now),
            new DeadlineStarted(calendar.Months(DeadlineKind.AppealWindow, now, DeadlineRules.AppealWindowMonths)),
            .. CaseRules.FeedbackDeadline(state, now, calendar),
        ],
        ProposalKind.Clarification => [new NameCleared(proposal.Reason, now)],
        _ => throw new InvalidOperationException($"Proposal kind {proposal.Kind} has no carrying out."),
    };

    internal static IEnumerable<object> OpenInquiry(CaseState state, DateTimeOffset now, WorkingCalendar calendar) =>
    [
        new InquiryOpened(state.InquiryRound + 1, now),
        new DeadlineStarted(calendar.WorkingDays(DeadlineKind.InquiryReply, now, DeadlineRules.InquiryReplyWorkingDays)),
    ];

    // Closing without action and withdrawing both end the matter without finding a violation: the accused may be cleared.
    private static IEnumerable<object> Conclude(CaseState state, string outcome, Shreddable<string> note, DateTimeOffset now, WorkingCalendar calendar) =>
    [
        new CaseConcluded(outcome, note, ReportUnfounded: true, now),
        .. CaseRules.FeedbackDeadline(state, now, calendar),
    ];
}
