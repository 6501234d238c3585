namespace Reporting.CaseManagement.Cases;

/// <summary>
/// An action of the HTTP contract and the part of its rules that does not depend on the command's body: who may take it
/// in which state. The decider enforces the same guard first, so <see cref="CaseActions.Allowed"/> cannot drift from it.
/// </summary>
public sealed record CaseAction(string Name, Func<CaseState, Actor, Refusal?> Guard);
