using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.Transferring;

/// <summary>Send the report down to the organ that should handle it (转送下级), which must accept or re-route it within 5 working days.</summary>
/// <param name="Supervised">This organ supervises (督办) the lower organ's handling.</param>
public sealed record Transfer(string ToOrganization, string Reason, bool Supervised = false);

public sealed class TransferValidator : CommandValidator<Transfer>
{
    public TransferValidator()
    {
        RuleFor(command => command.ToOrganization).NotEmpty().MaximumLength(200);
        RuleFor(command => command.Reason).NotEmpty().MaximumLength(2000);
    }
}

public static class TransferDecider
{
    public static readonly CaseAction Action = CaseAction.For<Transfer>("transfer", Guard, Decide);

    private static readonly TransferValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "transfer a report", StaffRole.Registrar)
        ?? CaseRules.Routable(state, "transfer the report");

    public static IReadOnlyList<object> Decide(CaseState state, Transfer command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now,
        [
            new CaseTransferred(command.ToOrganization, command.Reason, command.Supervised, actor.Username, now),
            new DeadlineStarted(calendar.WorkingDays(DeadlineKind.TransferResponse, now, DeadlineRules.TransferResponseWorkingDays)),
            .. CaseRules.Close(state, DeadlineKind.AcceptanceNotice, now),
        ]);
    }
}
