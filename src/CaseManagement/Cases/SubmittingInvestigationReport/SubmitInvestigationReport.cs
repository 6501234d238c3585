using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.SubmittingInvestigationReport;

/// <summary>The investigation's report; the case goes to the review office.</summary>
public sealed record SubmitInvestigationReport(string Findings);

public sealed class SubmitInvestigationReportValidator : CommandValidator<SubmitInvestigationReport>
{
    public SubmitInvestigationReportValidator() => RuleFor(command => command.Findings).NotEmpty().MaximumLength(50000);
}

public static class SubmitInvestigationReportDecider
{
    /// <summary>Investigative measures are always taken by two or more officers.</summary>
    public const int MinimumTeam = 2;

    public static readonly CaseAction Action = CaseAction.For<SubmitInvestigationReport>("submit-investigation-report", Guard, Decide);

    private static readonly SubmitInvestigationReportValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "submit an investigation report", StaffRole.Investigator)
        ?? CaseRules.Assigned(state, actor, "submit its investigation report")
        ?? CaseRules.NoPendingProposal(state, "submit the investigation report")
        ?? CaseRules.InStage(state, "submit an investigation report", CaseStage.Investigating)
        ?? (state.Assignees.Count >= MinimumTeam
            ? null
            : Refusal.Conflict($"An investigation is carried out by at least {MinimumTeam} officers; assign more investigators first."));

    public static IReadOnlyList<object> Decide(CaseState state, SubmitInvestigationReport command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now, new InvestigationReportSubmitted(command.Findings, state.Assignees, actor.Username, now));
    }
}
