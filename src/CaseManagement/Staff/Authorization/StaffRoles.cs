namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>The roles of the HTTP contract, carried in the token's <c>role</c> claim.</summary>
public static class StaffRoles
{
    public const string Registrar = "registrar";
    public const string Supervisor = "supervisor";
    public const string Investigator = "investigator";
    public const string Reviewer = "reviewer";
    public const string Approver = "approver";
    public const string Publisher = "publisher";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Registrar, Supervisor, Investigator, Reviewer, Approver, Publisher, Auditor, Admin];

    /// <summary>The roles that work on cases and so may read them; publishers, auditors and administrators never see case content.</summary>
    public static readonly IReadOnlyList<string> CaseHandlers = [Registrar, Supervisor, Investigator, Reviewer, Approver];
}
