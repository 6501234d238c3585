using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.RequestingIdentity;

/// <summary>Ask to open a real-name informant's identity, saying why the handling needs it; an approver decides.</summary>
public sealed record RequestIdentity(string Reason);

public sealed class RequestIdentityValidator : CommandValidator<RequestIdentity>
{
    public RequestIdentityValidator() => RuleFor(command => command.Reason).NotEmpty().MaximumLength(2000);
}

public static class RequestIdentityDecider
{
    public static readonly CaseAction Action = CaseAction.For<RequestIdentity>("request-identity", Guard, Decide);

    private static readonly RequestIdentityValidator Validator = new();

    private const string Doing = "ask to open the informant's identity";

    // Anonymity is the case's state, not a fault of the caller or the body: 409, like any other action the case rules out.
    private static Refusal? Guard(CaseState state, Actor actor) =>
        CaseRules.Staff(state, actor, Doing, StaffRole.Supervisor, StaffRole.Investigator)
        ?? CaseRules.Assigned(state, actor, Doing)
        ?? (state.SubmittedWithIdentity ? null : Refusal.Conflict("The report is anonymous: there is no identity to open."))
        ?? CaseRules.InStage(state, Doing, [.. CaseStage.Handling])
        ?? (state.PendingIdentityRequest is { } pending
            ? Refusal.Conflict($"Identity request {pending.Number} by {pending.By} awaits an approver's decision.")
            : null)
        ?? (state.IdentityGrantedTo.Contains(actor.Username) ? Refusal.Conflict($"{actor.Username} may already read the informant's identity.") : null);

    public static IReadOnlyList<object> Decide(CaseState state, RequestIdentity command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        return CaseRules.Decided(state, now, new IdentityRequested(state.IdentityRequestCount + 1, command.Reason, actor.Username, now));
    }
}
