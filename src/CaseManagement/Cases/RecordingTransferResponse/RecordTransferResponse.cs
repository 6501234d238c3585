using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.RecordingTransferResponse;

/// <summary>The lower organ's answer to a transfer: it accepted the report or re-routed it.</summary>
/// <param name="Response">"accepted" or "re-routed".</param>
public sealed record RecordTransferResponse(string Response, string Note);

public sealed class RecordTransferResponseValidator : CommandValidator<RecordTransferResponse>
{
    public static readonly IReadOnlyList<string> Responses = ["accepted", "re-routed"];

    public RecordTransferResponseValidator()
    {
        RuleFor(command => command.Response).Must(Responses.Contains).WithMessage("Response is 'accepted' or 're-routed'.");
        RuleFor(command => command.Note).NotNull().MaximumLength(2000);
    }
}

public static class RecordTransferResponseDecider
{
    public static readonly CaseAction Action = CaseAction.For<RecordTransferResponse>("record-transfer-response", Guard, Decide);

    private static readonly RecordTransferResponseValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "record the lower organ's response", StaffRole.Registrar, StaffRole.Supervisor)
        ?? CaseRules.InStage(state, "record a transfer response", CaseStage.Transferred)
        ?? (state.TransferAnswered ? Refusal.Conflict("The lower organ's response is already recorded.") : null);

    public static IReadOnlyList<object> Decide(CaseState state, RecordTransferResponse command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now,
        [
            new TransferResponseRecorded(command.Response, command.Note, actor.Username, now),
            .. CaseRules.Close(state, DeadlineKind.TransferResponse, now),
        ]);
    }
}
