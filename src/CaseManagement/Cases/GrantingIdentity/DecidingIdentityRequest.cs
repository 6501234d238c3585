namespace Reporting.CaseManagement.Cases.GrantingIdentity;

/// <summary>Who may decide an identity request, either way: an approver who did not ask for it (separation of duties).</summary>
internal static class DecidingIdentityRequest
{
    public static Refusal? Guard(CaseState state, Actor actor, string action) =>
        CaseRules.Staff(state, actor, action, StaffRole.Approver)
        ?? (state.PendingIdentityRequest is { } pending
            ? pending.By == actor.Username ? Refusal.Forbidden("An identity request is granted by someone other than the requester.") : null
            : Refusal.Conflict("No identity request awaits a decision."));
}
