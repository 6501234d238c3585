namespace Reporting.CaseManagement.Cases;

/// <summary>The signed-in staff member taking an action: the username and the <c>role</c> claims of their token.</summary>
public sealed record Actor(string Username, IReadOnlySet<string> Roles)
{
    public Actor(string username, params string[] roles) : this(username, new HashSet<string>(roles, StringComparer.Ordinal))
    {
    }

    public bool Holds(string role) => Roles.Contains(role);
}

/// <summary>The <c>role</c> claim values of the HTTP contract.</summary>
public static class StaffRole
{
    public const string Registrar = "registrar";
    public const string Supervisor = "supervisor";
    public const string Investigator = "investigator";
    public const string Reviewer = "reviewer";
    public const string Approver = "approver";
    public const string Publisher = "publisher";
    public const string Auditor = "auditor";
    public const string Admin = "admin";
}
