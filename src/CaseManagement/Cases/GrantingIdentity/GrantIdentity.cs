using FluentValidation;
using Reporting.CaseManagement.Cases.Deadlines;

namespace Reporting.CaseManagement.Cases.GrantingIdentity;

/// <summary>An approver grants the pending identity request: its requester may then read the informant's identity.</summary>
public sealed record GrantIdentity(string Comment);

public sealed class GrantIdentityValidator : CommandValidator<GrantIdentity>
{
    public GrantIdentityValidator() => RuleFor(command => command.Comment).NotEmpty().MaximumLength(2000);
}

public static class GrantIdentityDecider
{
    public static readonly CaseAction Action = CaseAction.For<GrantIdentity>("grant-identity", Guard, Decide);

    private static readonly GrantIdentityValidator Validator = new();

    private static Refusal? Guard(CaseState state, Actor actor) => DecidingIdentityRequest.Guard(state, actor, "grant an identity request");

    public static IReadOnlyList<object> Decide(CaseState state, GrantIdentity command, Actor actor, DateTimeOffset now, WorkingCalendar calendar)
    {
        CaseRules.Enforce(Guard(state, actor));
        CaseRules.Validate(Validator, command);
        var pending = state.PendingIdentityRequest!;
        return CaseRules.Decided(state, now, new IdentityGranted(pending.Number, pending.By, command.Comment, actor.Username, now));
    }
}
