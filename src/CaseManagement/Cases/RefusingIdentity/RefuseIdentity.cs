using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.GrantingIdentity;

namespace Reporting.CaseManagement.Cases.RefusingIdentity;

/// <summary>
/// An approver refuses the pending identity request, with the reason. Its own action rather than <c>reject</c>, which
/// decides proposals: a proposal and an identity request may wait at the same time, and each needs its own answer.
/// </summary>
public sealed record RefuseIdentity(string Reason);

public sealed class RefuseIdentityValidator : CommandValidator<RefuseIdentity>
{
    public RefuseIdentityValidator() => RuleFor(command => command.Reason).NotEmpty().MaximumLength(2000);
}

public static class RefuseIdentityDecider
{
    public static readonly CaseAction Action = CaseAction.For<RefuseIdentity>("refuse-identity", Guard, Decide);

    private static readonly RefuseIdentityValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) => DecidingIdentityRequest.Guard(state, actor, "refuse an identity request");

    public static IReadOnlyList<object> Decide(CaseState state, RefuseIdentity command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        var pending = state.PendingIdentityRequest!;
        return CaseRules.Decided(state, now, new IdentityRefused(pending.Number, pending.By, command.Reason, actor.Username, now));
    }
}
