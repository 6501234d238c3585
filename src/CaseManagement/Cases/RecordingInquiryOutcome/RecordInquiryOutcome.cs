using FluentValidation;
using Reporting.CaseManagement.Cases.Approving;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.RecordingInquiryOutcome;

/// <summary>What the inquiry concluded: cleared, a reminder or criticism (the case is concluded), another inquiry, or verification.</summary>
/// <param name="CollectiveReview">Required for "verification", which becomes a proposal of preliminary verification.</param>
public sealed record RecordInquiryOutcome(string Outcome, string Note, IReadOnlyList<string>? CollectiveReview = null);

public sealed class RecordInquiryOutcomeValidator : CommandValidator<RecordInquiryOutcome>
{
    public RecordInquiryOutcomeValidator()
    {
        RuleFor(command => command.Outcome).Must(InquiryOutcome.All.Contains)
            .WithMessage("Outcome is one of: " + string.Join(", ", InquiryOutcome.All) + ".");
        RuleFor(command => command.Note).NotEmpty().MaximumLength(4000);
        RuleFor(command => command.CollectiveReview!).ParticipantsOfCollectiveReview()
            .When(command => command.Outcome == InquiryOutcome.Verification);
    }
}

public static class RecordInquiryOutcomeDecider
{
    public static readonly CaseAction Action = CaseAction.For<RecordInquiryOutcome>("record-inquiry-outcome", Guard, Decide);

    private static readonly RecordInquiryOutcomeValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "record an inquiry outcome", StaffRole.Supervisor)
        ?? CaseRules.Assigned(state, actor, "record the inquiry outcome")
        ?? CaseRules.InStage(state, "record an inquiry outcome", CaseStage.TalkInquiry);

    public static IReadOnlyList<object> Decide(CaseState state, RecordInquiryOutcome command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        // Without a reply the inquiry can only be taken further, and only once the time for the reply has run out.
        var replyOverdue = state.Deadlines.TryGetValue(DeadlineKind.InquiryReply, out var reply) && reply.IsOverdueOn(WorkingCalendar.DateInChina(now));
        if (!state.InquiryReplied && !(replyOverdue && command.Outcome == InquiryOutcome.Verification))
            throw new CaseActionRefusedException(Refusal.Conflict(
                "Record the reply first; without one, the only outcome is verification, once the reply is overdue."));

        var recorded = new InquiryOutcomeRecorded(command.Outcome, command.Note, actor.Username, now);
        IEnumerable<object> then = command.Outcome switch
        {
            InquiryOutcome.AnotherInquiry => ApproveDecider.OpenInquiry(state, now, calendar),
            InquiryOutcome.Verification =>
            [
                new ProposalMade(state.ProposalCount + 1, ProposalKind.PreliminaryVerification, command.Note, command.CollectiveReview!, 1, actor.Username, now),
            ],
            _ =>
            [
                new CaseConcluded(ConclusionOf(command.Outcome), command.Note, ReportUnfounded: command.Outcome == InquiryOutcome.Cleared, now),
                .. CaseRules.FeedbackDeadline(state, now, calendar),
            ],
        };
        return CaseRules.Decided(state, now, [recorded, .. CaseRules.Close(state, DeadlineKind.InquiryReply, now), .. then]);
    }

    private static string ConclusionOf(string outcome) => outcome switch
    {
        InquiryOutcome.Cleared => ConclusionOutcome.InquiryCleared,
        InquiryOutcome.Reminder => ConclusionOutcome.InquiryReminder,
        _ => ConclusionOutcome.InquiryCriticism,
    };
}
