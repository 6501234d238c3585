using Reporting.CaseManagement.Cases;

namespace Reporting.CaseManagement.Tests;

/// <summary>The development users of the HTTP contract, one per role and a second of each approving and handling role.</summary>
internal static class Staff
{
    public static readonly Actor Registrar = new("registrar1", StaffRole.Registrar);
    public static readonly Actor Supervisor1 = new("supervisor1", StaffRole.Supervisor);
    public static readonly Actor Supervisor2 = new("supervisor2", StaffRole.Supervisor);
    public static readonly Actor Investigator1 = new("investigator1", StaffRole.Investigator);
    public static readonly Actor Investigator2 = new("investigator2", StaffRole.Investigator);
    public static readonly Actor Reviewer = new("reviewer1", StaffRole.Reviewer);
    public static readonly Actor Approver1 = new("approver1", StaffRole.Approver);
    public static readonly Actor Approver2 = new("approver2", StaffRole.Approver);
    public static readonly Actor Publisher = new("publisher1", StaffRole.Publisher);
    public static readonly Actor Auditor = new("auditor1", StaffRole.Auditor);
    public static readonly Actor Admin = new("admin1", StaffRole.Admin);

    /// <summary>One person holding every handling role: what separation of duties must stop.</summary>
    public static readonly Actor AllRounder = new("allrounder1", StaffRole.Supervisor, StaffRole.Investigator, StaffRole.Reviewer, StaffRole.Approver);

    public static readonly IReadOnlyList<Actor> Everyone =
        [Registrar, Supervisor1, Supervisor2, Investigator1, Investigator2, Reviewer, Approver1, Approver2, Publisher, Auditor, Admin, AllRounder];
}
