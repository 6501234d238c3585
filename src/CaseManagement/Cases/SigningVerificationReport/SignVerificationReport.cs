using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.SigningVerificationReport;

/// <summary>A member of the verification team signs its report (the submitter has signed by submitting).</summary>
public sealed record SignVerificationReport;

public static class SignVerificationReportDecider
{
    public static readonly CaseAction Action = CaseAction.For<SignVerificationReport>("sign-verification-report", Guard, Decide);

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "sign a verification report", StaffRole.Supervisor)
        ?? CaseRules.InStage(state, "sign the verification report", CaseStage.Verification)
        ?? (state.VerificationReport is { } report
            ? report.Submitted.Team.Contains(actor.Username)
                ? report.SignedBy.Contains(actor.Username) ? Refusal.Conflict($"{actor.Username} has already signed the verification report.") : null
                : Refusal.Forbidden($"Only members of the verification team sign its report; {actor.Username} is not one.")
            : Refusal.Conflict("No verification report has been submitted yet."));

    public static IReadOnlyList<object> Decide(CaseState state, SignVerificationReport command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        return CaseRules.Decided(state, now, new VerificationReportSigned(actor.Username, now));
    }
}
