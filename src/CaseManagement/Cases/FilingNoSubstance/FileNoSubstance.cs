using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.FilingNoSubstance;

/// <summary>The report has no substance to act on (无实质内容): kept on file with the reason.</summary>
public sealed record FileNoSubstance(string Reason);

public sealed class FileNoSubstanceValidator : CommandValidator<FileNoSubstance>
{
    public FileNoSubstanceValidator() => RuleFor(command => command.Reason).NotEmpty().MaximumLength(2000);
}

public static class FileNoSubstanceDecider
{
    public static readonly CaseAction Action = CaseAction.For<FileNoSubstance>("file-no-substance", Guard, Decide);

    private static readonly FileNoSubstanceValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "file a report as having no substance", StaffRole.Registrar)
        ?? CaseRules.Routable(state, "file the report as having no substance");

    public static IReadOnlyList<object> Decide(CaseState state, FileNoSubstance command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now,
        [
            new FiledNoSubstance(command.Reason, actor.Username, now),
            .. CaseRules.Close(state, DeadlineKind.AcceptanceNotice, now),
        ]);
    }
}
