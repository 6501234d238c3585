using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

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
}
