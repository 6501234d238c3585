using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.RecordingInquiryOutcome;
using Reporting.CaseManagement.Cases.RecordingInquiryReply;
using static Reporting.CaseManagement.Tests.Specification;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Cases;

public sealed class InquiryTests
{
    private static readonly DateTimeOffset Now = CaseHistory.DefaultClock;

    private static CaseHistory Replied() => CaseHistory.Submitted().InInquiry().Do(Supervisor1, new RecordInquiryReply("Denies everything."));

    [Fact]
    public void The_written_reply_stops_the_reply_deadline() =>
        Given(CaseHistory.Submitted().InInquiry())
            .When(Supervisor2, new RecordInquiryReply("Explains the banquets as official receptions."))
            .Then(
                new InquiryReplyRecorded("Explains the banquets as official receptions.", "supervisor2", Now),
                new DeadlineClosed(DeadlineKind.InquiryReply, Now));

    [Fact]
    public void Only_the_assigned_supervision_team_records_the_reply() =>
        Given(CaseHistory.Submitted().InInquiry())
            .When(AllRounder, new RecordInquiryReply("Reply."))
            .ThenRefused(RefusalKind.Forbidden, "allrounder1 is not");

    [Fact]
    public void The_reply_is_recorded_once_per_round() =>
        Given(Replied()).When(Supervisor1, new RecordInquiryReply("Again.")).ThenRefused(RefusalKind.Conflict, "already recorded");

    [Fact]
    public void A_cleared_inquiry_concludes_the_case_as_unfounded() =>
        Given(Replied())
            .When(Supervisor1, new RecordInquiryOutcome(InquiryOutcome.Cleared, "The receptions were official and recorded."))
            .Then(
                new InquiryOutcomeRecorded(InquiryOutcome.Cleared, "The receptions were official and recorded.", "supervisor1", Now),
                new CaseConcluded(ConclusionOutcome.InquiryCleared, "The receptions were official and recorded.", true, Now),
                new DeadlineStarted(new Deadline(DeadlineKind.Feedback, new DateOnly(2026, 3, 9), 15, DeadlineUnit.WorkingDays, new DateOnly(2026, 3, 30), null)));

    [Fact]
    public void A_reminder_concludes_the_case_without_clearing_the_accused()
    {
        var concluded = Given(Replied()).When(Supervisor1, new RecordInquiryOutcome(InquiryOutcome.Reminder, "Reminded.")).Events().OfType<CaseConcluded>().Single();

        Assert.Equal((ConclusionOutcome.InquiryReminder, false), (concluded.Outcome, concluded.ReportUnfounded));
    }

    [Fact]
    public void Another_inquiry_opens_a_new_round_with_its_own_reply_deadline()
    {
        var later = new DateTimeOffset(2026, 3, 20, 2, 0, 0, TimeSpan.Zero);

        Given(Replied())
            .When(Supervisor1, new RecordInquiryOutcome(InquiryOutcome.AnotherInquiry, "The reply leaves questions open."), later)
            .Then(
                new InquiryOutcomeRecorded(InquiryOutcome.AnotherInquiry, "The reply leaves questions open.", "supervisor1", later),
                new InquiryOpened(2, later),
                new DeadlineStarted(new Deadline(DeadlineKind.InquiryReply, new DateOnly(2026, 3, 20), 15, DeadlineUnit.WorkingDays, new DateOnly(2026, 4, 13), null)));
    }

    [Fact]
    public void Verification_as_the_outcome_is_proposed_for_approval() =>
        Given(Replied())
            .When(Supervisor1, new RecordInquiryOutcome(InquiryOutcome.Verification, "The reply contradicts the receipts.", CaseHistory.Meeting))
            .Then(
                new InquiryOutcomeRecorded(InquiryOutcome.Verification, "The reply contradicts the receipts.", "supervisor1", Now),
                new ProposalMade(1 + 1, ProposalKind.PreliminaryVerification, "The reply contradicts the receipts.", CaseHistory.Meeting, 1, "supervisor1", Now));

    [Fact]
    public void Verification_as_the_outcome_needs_the_collective_review() =>
        Given(Replied()).When(Supervisor1, new RecordInquiryOutcome(InquiryOutcome.Verification, "Why.")).ThenRefused(RefusalKind.Invalid, "'Collective Review' must not be empty");

    [Fact]
    public void Without_a_reply_the_outcome_waits() =>
        Given(CaseHistory.Submitted().InInquiry())
            .When(Supervisor1, new RecordInquiryOutcome(InquiryOutcome.Cleared, "Nothing heard."))
            .ThenRefused(RefusalKind.Conflict, "Record the reply first");

    [Fact]
    public void Without_a_reply_the_inquiry_goes_to_verification_once_the_reply_is_overdue()
    {
        var afterTheDeadline = new DateTimeOffset(2026, 3, 31, 2, 0, 0, TimeSpan.Zero);

        var events = Given(CaseHistory.Submitted().InInquiry())
            .When(Supervisor1, new RecordInquiryOutcome(InquiryOutcome.Verification, "No reply came.", CaseHistory.Meeting), afterTheDeadline)
            .Events();

        Assert.Contains(new DeadlineClosed(DeadlineKind.InquiryReply, afterTheDeadline), events);
        Assert.Contains(events, e => e is ProposalMade { Kind: ProposalKind.PreliminaryVerification });
    }

    [Fact]
    public void An_inquiry_outcome_is_one_of_the_five() =>
        Given(Replied()).When(Supervisor1, new RecordInquiryOutcome("forgotten", "Why.")).ThenRefused(RefusalKind.Invalid, "Outcome is one of");

    [Fact]
    public void An_outcome_needs_an_inquiry() =>
        Given(CaseHistory.Submitted().Accepted().Do(Approver1, new Reporting.CaseManagement.Cases.Assigning.Assign(["supervisor1"])))
            .When(Supervisor1, new RecordInquiryOutcome(InquiryOutcome.Cleared, "Why."))
            .ThenRefused(RefusalKind.Conflict, "only when it is 'talk-inquiry'");

    [Fact]
    public void An_overdue_reply_is_flagged_on_the_case()
    {
        var state = CaseHistory.Submitted().InInquiry().State;

        Assert.Empty(state.OverdueOn(new DateOnly(2026, 3, 30)));
        Assert.Equal([DeadlineKind.InquiryReply], state.OverdueOn(new DateOnly(2026, 3, 31)).Select(d => d.Deadline.Kind));
    }
}
