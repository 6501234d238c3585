using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases;

/// <summary>The checks and steps every decider shares.</summary>
internal static class CaseRules
{
    /// <summary>Recusal first (a recused user may do nothing at all on the case), then the roles that may act.</summary>
    public static Refusal? Staff(CaseState state, Actor actor, string action, params string[] roles)
    {
        if (state.Recused.Contains(actor.Username))
            return Refusal.Forbidden($"{actor.Username} has recused themselves from this case and can take no action on it.");
        if (roles.Length > 0 && !roles.Any(actor.Holds))
            return Refusal.Forbidden($"Only {Either(roles)} may {action}.");
        return null;
    }

    public static Refusal? InStage(CaseState state, string action, params string[] stages) =>
        stages.Contains(state.Stage)
            ? null
            : Refusal.Conflict($"Cannot {action} while the case is '{state.Stage}': only when it is {Either(stages.Select(stage => $"'{stage}'"))}.");

    public static Refusal? Assigned(CaseState state, Actor actor, string action) =>
        state.Assignees.Contains(actor.Username)
            ? null
            : Refusal.Forbidden($"Only staff assigned to this case may {action}; {actor.Username} is not.");

    public static Refusal? NoPendingProposal(CaseState state, string action) =>
        state.PendingProposal is { } pending
            ? Refusal.Conflict($"Cannot {action} while proposal {pending.Number} ({pending.Kind}) awaits approval.")
            : null;

    /// <summary>Routing is for registered reports; one that accuses this organ's head may only be bypassed upwards.</summary>
    public static Refusal? Routable(CaseState state, string action) =>
        InStage(state, action, CaseStage.Registered)
        ?? (state.Registration!.AccusesHead
            ? Refusal.Conflict($"Cannot {action}: the report accuses this organ's head and may only be bypassed to the organ above.")
            : null);

    public static void Enforce(Refusal? refusal)
    {
        if (refusal is not null)
            throw new CaseActionRefusedException(refusal);
    }

    /// <summary>A validation result as the problem's <c>errors</c> map, keyed by the request's own field paths.</summary>
    public static Dictionary<string, string[]> Errors(FluentValidation.Results.ValidationResult result) =>
        result.Errors
            .GroupBy(failure => JsonPath(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).ToArray());

    public static void Validate<T>(IValidator<T> validator, T command)
    {
        var result = validator.Validate(command);
        if (result.IsValid)
            return;
        throw new CaseActionRefusedException(new Refusal(RefusalKind.Invalid, "The request is not valid.", Errors(result)));
    }

    /// <summary>Closes the deadline of that kind if it is still running.</summary>
    public static IEnumerable<object> Close(CaseState state, string kind, DateTimeOffset now) =>
        state.Deadlines.TryGetValue(kind, out var deadline) && deadline.MetAt is null ? [new DeadlineClosed(kind, now)] : [];

    /// <summary>Real-name informants are owed the outcome within 15 working days of the conclusion.</summary>
    public static IEnumerable<object> FeedbackDeadline(CaseState state, DateTimeOffset now, WorkingCalendar calendar) =>
        state.IsRealName ? [new DeadlineStarted(calendar.WorkingDays(DeadlineKind.Feedback, now, DeadlineRules.FeedbackWorkingDays))] : [];

    /// <summary>
    /// The decided events, followed by the informant's new stage when what they may see has changed. The informant's
    /// stage never steps back from "in progress" to "accepted" (a rejected or renewed proposal is none of their business).
    /// </summary>
    public static IReadOnlyList<object> Decided(CaseState state, DateTimeOffset now, params IEnumerable<object> events)
    {
        var decided = events.ToList();
        var after = decided.Aggregate(state, (current, @event) => current.Apply(@event));
        var stage = CaseStage.InformantStage(after.Stage);
        if (stage == InformantStages.Accepted && state.InformantStage == InformantStages.InProgress)
            stage = InformantStages.InProgress;
        if (stage != state.InformantStage)
            decided.Add(new InformantStageChanged(stage, now));
        return decided;
    }

    /// <summary>The request's own field path for a property path: <c>Accused[0].Name</c> → <c>accused[0].name</c>.</summary>
    public static string JsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));

    private static string Either(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list.Take(list.Count - 1))} or {list[^1]}";
    }

    private static string Either(string[] roles) => Either(roles.Select(role => $"a{(IsVowel(role[0]) ? "n" : "")} {role}"));

    private static bool IsVowel(char c) => "aeiou".Contains(c, StringComparison.Ordinal);
}
