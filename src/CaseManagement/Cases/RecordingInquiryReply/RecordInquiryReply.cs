using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.RecordingInquiryReply;

/// <summary>The written reply of the person asked in a talk or letter inquiry, due within 15 working days.</summary>
public sealed record RecordInquiryReply(string Summary);

public sealed class RecordInquiryReplyValidator : CommandValidator<RecordInquiryReply>
{
    public RecordInquiryReplyValidator() => RuleFor(command => command.Summary).NotEmpty().MaximumLength(4000);
}

public static class RecordInquiryReplyDecider
{
    public static readonly CaseAction Action = CaseAction.For<RecordInquiryReply>("record-inquiry-reply", Guard, Decide);

    private static readonly RecordInquiryReplyValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "record an inquiry reply", StaffRole.Supervisor)
        ?? CaseRules.Assigned(state, actor, "record the inquiry reply")
        ?? CaseRules.InStage(state, "record an inquiry reply", CaseStage.TalkInquiry)
        ?? (state.InquiryReplied ? Refusal.Conflict($"The reply to inquiry round {state.InquiryRound} is already recorded.") : null);

    public static IReadOnlyList<object> Decide(CaseState state, RecordInquiryReply command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now,
        [
            new InquiryReplyRecorded(command.Summary, actor.Username, now),
            .. CaseRules.Close(state, DeadlineKind.InquiryReply, now),
        ]);
    }
}
