using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;
using Marten;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases.MarkingDuplicate;

/// <summary>The report repeats an existing case (重复件): linked to it and kept on file; no new acceptance notice.</summary>
public sealed record MarkDuplicate(Guid OfCaseId);

public sealed class MarkDuplicateValidator : CommandValidator<MarkDuplicate>
{
    public MarkDuplicateValidator() => RuleFor(command => command.OfCaseId).NotEmpty();
}

public static class MarkDuplicateDecider
{
    public static readonly CaseAction Action = CaseAction.For<MarkDuplicate>("mark-duplicate", Guard, Decide);

    private static readonly MarkDuplicateValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, "mark a report as a duplicate", StaffRole.Registrar)
        ?? CaseRules.Routable(state, "mark the report as a duplicate");

    public static IReadOnlyList<object> Decide(CaseState state, MarkDuplicate command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        if (command.OfCaseId == state.CaseId)
            throw new CaseActionRefusedException(Refusal.Invalid("A case cannot be a duplicate of itself."));
        return CaseRules.Decided(state, now,
        [
            new MarkedDuplicate(command.OfCaseId, actor.Username, now),
            .. CaseRules.Close(state, DeadlineKind.AcceptanceNotice, now),
        ]);
    }

    /// <summary>
    /// The case a duplicate is linked to must be a case: a link to nothing would file the report away with nothing
    /// to follow it up. The decider cannot see other streams, so the endpoint asks before deciding.
    /// </summary>
    public static async Task<bool> OriginalExistsAsync(IQuerySession session, MarkDuplicate command, CancellationToken cancellationToken)
    {
        var first = await session.Events.FetchStreamAsync(command.OfCaseId, version: 1, token: cancellationToken);
        return first.Count > 0 && first[0].Data is ReportSubmitted;
    }
}
