namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>One row of the role table: who may take an action on a case, and what must hold of them and the case.</summary>
public sealed record CaseActionPolicy(string Action, IReadOnlyList<string> Roles, CaseConditions Conditions)
{
    /// <summary>The ASP.NET Core authorization policy that checks the role part of this row.</summary>
    public string PolicyName { get; init; } = "case:" + Action;
}
