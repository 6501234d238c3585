using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.Bypassing;

/// <summary>
/// A report accusing this organ's head goes straight to the organ above, within 5 working days of receipt. Nothing of
/// it may stay readable here beyond this transfer record, so every later action is refused.
/// </summary>
public sealed record Bypass(string ToOrganization);

public sealed class BypassValidator : CommandValidator<Bypass>
{
    public BypassValidator() => RuleFor(command => command.ToOrganization).NotEmpty().MaximumLength(200);
}

public static class BypassDecider
{
    public static readonly CaseAction Action = CaseAction.For<Bypass>("bypass", Guard, Decide);

    private static readonly BypassValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "bypass a report to the organ above", StaffRole.Registrar)
        ?? CaseRules.InStage(state, "bypass the report", CaseStage.Registered)
        ?? (state.Registration!.AccusesHead
            ? null
            : Refusal.Conflict("Only a report that accuses this organ's head is bypassed; escalate any other report."));

    public static IReadOnlyList<object> Decide(CaseState state, Bypass command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now,
        [
            new ReportBypassed(command.ToOrganization, actor.Username, now),
            .. CaseRules.Close(state, DeadlineKind.Bypass, now),
            .. CaseRules.Close(state, DeadlineKind.AcceptanceNotice, now),
        ]);
    }
}
