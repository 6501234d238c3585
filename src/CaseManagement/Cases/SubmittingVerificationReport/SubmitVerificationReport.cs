using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.SubmittingVerificationReport;

/// <summary>The preliminary verification's report, with a recommendation; every member of the team must sign it.</summary>
/// <param name="Recommendation">"file-case", "close" or "talk-reminder".</param>
public sealed record SubmitVerificationReport(string Findings, string Recommendation);

public sealed class SubmitVerificationReportValidator : CommandValidator<SubmitVerificationReport>
{
    public static readonly IReadOnlyList<string> Recommendations = ["file-case", "close", "talk-reminder"];

    public SubmitVerificationReportValidator()
    {
        RuleFor(command => command.Findings).NotEmpty().MaximumLength(20000);
        RuleFor(command => command.Recommendation).Must(Recommendations.Contains)
            .WithMessage("Recommendation is one of: " + string.Join(", ", Recommendations) + ".");
    }
}

public static class SubmitVerificationReportDecider
{
    public const int MinimumTeam = 2;

    public static readonly CaseAction Action = CaseAction.For<SubmitVerificationReport>("submit-verification-report", Guard, Decide);

    private static readonly SubmitVerificationReportValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "submit a verification report", StaffRole.Supervisor)
        ?? CaseRules.Assigned(state, actor, "submit its verification report")
        ?? CaseRules.InStage(state, "submit a verification report", CaseStage.Verification)
        ?? (state.VerificationReport is null ? null : Refusal.Conflict("The verification report is already submitted."))
        ?? (state.Assignees.Count >= MinimumTeam
            ? null
            : Refusal.Conflict($"A preliminary verification is done by a team of at least {MinimumTeam}; assign more members first."));

    public static IReadOnlyList<object> Decide(CaseState state, SubmitVerificationReport command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now, new VerificationReportSubmitted(command.Findings, command.Recommendation, state.Assignees, actor.Username, now));
    }
}
