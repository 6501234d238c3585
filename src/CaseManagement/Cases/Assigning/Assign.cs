using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Staff.Accounts;

namespace Reporting.CaseManagement.Cases.Assigning;

/// <summary>Set who works on the case now: the lead team, the verification team, the investigators or the reviewers.</summary>
public sealed record Assign(IReadOnlyList<string> Usernames);

public sealed class AssignValidator : CommandValidator<Assign>
{
    public AssignValidator()
    {
        RuleFor(command => command.Usernames).NotEmpty()
            .Must(usernames => usernames.Count <= 20).WithMessage("At most 20 assignees.")
            .Must(usernames => usernames.Distinct(StringComparer.Ordinal).Count() == usernames.Count).WithMessage("Each username once.");
        RuleForEach(command => command.Usernames).NotEmpty().MaximumLength(100);
    }
}

public static class AssignDecider
{
    public static readonly CaseAction Action = CaseAction.For<Assign>("assign", Guard, Decide);

    private static readonly AssignValidator Validator = new();

    private static readonly string[] Stages =
    [
        CaseStage.Registered, CaseStage.Accepted, CaseStage.DispositionPending, CaseStage.TalkInquiry, CaseStage.Verification,
        CaseStage.Parked, CaseStage.Investigating, CaseStage.UnderReview, CaseStage.DecisionPending, CaseStage.Decided, CaseStage.Closed,
    ];

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "assign staff", StaffRole.Approver, StaffRole.Supervisor)
        ?? CaseRules.InStage(state, "assign staff", Stages);

    public static IReadOnlyList<object> Decide(CaseState state, Assign command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        foreach (var username in command.Usernames)
        {
            if (state.Recused.Contains(username))
                throw new CaseActionRefusedException(Refusal.Forbidden($"{username} has recused themselves from this case and cannot be assigned to it."));
            CaseRules.Enforce(CasePhases.SeparationOfDuties(state, username));
        }
        return CaseRules.Decided(state, now, new StaffAssigned(command.Usernames, actor.Username, now));
    }

    /// <summary>The roles that work on cases; an account with none of them (publisher, auditor, admin) is never assigned.</summary>
    private static readonly string[] HandlingRoles = [StaffRole.Registrar, StaffRole.Supervisor, StaffRole.Investigator, StaffRole.Reviewer, StaffRole.Approver];

    /// <summary>
    /// Problems by field path (<c>usernames[1]</c>) with names that are not active staff accounts able to work on cases,
    /// or none. A mistyped name would otherwise leave the case with nobody to do the work and its deadlines running; an
    /// auditor on the team would no longer be independent of it. The decider cannot see accounts, so the endpoint asks
    /// before deciding.
    /// </summary>
    public static async Task<Dictionary<string, string[]>?> UnfitAssigneesAsync(IStaffAccounts accounts, Assign command, CancellationToken cancellationToken)
    {
        Dictionary<string, string[]>? problems = null;
        for (var i = 0; i < command.Usernames.Count; i++)
        {
            var account = string.IsNullOrEmpty(command.Usernames[i]) ? null : await accounts.FindAsync(command.Usernames[i], cancellationToken);
            var problem = account switch
            {
                null => "There is no staff account of this name.",
                { Disabled: true } => "This staff account is disabled.",
                _ when !account.Roles.Any(HandlingRoles.Contains) => "This staff member holds no role that works on cases.",
                _ => null,
            };
            if (problem is not null)
                (problems ??= [])[$"usernames[{i}]"] = [problem];
        }
        return problems;
    }
}
