using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases.SendingMessage;

/// <summary>A message to the informant, sealed to their mailbox key: the database alone cannot read it.</summary>
/// <param name="Body">The text as written: kept for the office under the case's key, and for the informant only as <paramref name="SealedBody"/>.</param>
public sealed record SendMessage(string Body, Guid MessageId, byte[] SealedBody);

public sealed class SendMessageValidator : CommandValidator<SendMessage>
{
    public SendMessageValidator()
    {
        RuleFor(command => command.Body).NotEmpty().MaximumLength(4000);
        RuleFor(command => command.MessageId).NotEmpty();
        RuleFor(command => command.SealedBody).NotEmpty();
    }
}

public static class SendMessageDecider
{
    public static readonly CaseAction Action = CaseAction.For<SendMessage>("send-message", Guard, Decide);

    private static readonly SendMessageValidator Validator = new();

    // Once a report has gone to another organ, that organ speaks to the informant.
    private static readonly string[] Stages = CaseStage.All.Except([CaseStage.Submitted, CaseStage.Escalated, CaseStage.Transferred]).ToArray();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "message the informant")
        ?? CaseRules.Assigned(state, actor, "message the informant")
        ?? CaseRules.InStage(state, "message the informant", Stages);

    public static IReadOnlyList<object> Decide(CaseState state, SendMessage command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now,
        [
            new OfficeMessageWritten(command.MessageId, command.Body, actor.Username, now),
            new OfficeMessageSent(command.MessageId, command.SealedBody, IsFeedback: false, now),
        ]);
    }
}
