using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Contracts;
using Reporting.CaseManagement.Staff.Tokens;

namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>The authorization policies: one per case action (from <see cref="CasePolicies"/>) and the staff routes outside cases.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member, whatever their roles.</summary>
    public const string AnyStaff = "staff";

    /// <summary><c>GET /api/cases</c>: the roles that handle cases.</summary>
    public const string ListCases = CasePolicies.ListCasesPolicy;

    /// <summary><c>GET /api/audit</c>: auditors only.</summary>
    public const string ReadAudit = "audit:read";

    /// <summary><c>GET /api/cases/approvals</c>: the approvers' queue.</summary>
    public const string Approvals = "cases:approvals";

    /// <summary><c>GET /api/cases/overdue</c>: those who answer for deadlines, supervisors and approvers (and administrators).</summary>
    public const string OverdueDashboard = "cases:overdue";

    /// <summary>The workbench's account pages: administrators only.</summary>
    public const string Administer = "staff:administer";

    /// <summary><c>GET /api/cases/statistics</c>: counts only, for any staff member.</summary>
    public const string Statistics = AnyStaff;

    internal static void Add(IServiceCollection services)
    {
        var builder = services.AddAuthorizationBuilder()
            .AddPolicy(AnyStaff, policy => policy.RequireAuthenticatedUser().RequireClaim(StaffClaims.Subject))
            .AddPolicy(ListCases, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.CaseHandlers))
            .AddPolicy(ReadAudit, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Auditor))
            .AddPolicy(Administer, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin))
            .AddPolicy(Approvals, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Approver))
            .AddPolicy(OverdueDashboard, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Supervisor, StaffRoles.Approver, StaffRoles.Admin))
            .AddPolicy(StaffAccess.NoticePublishers, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Publisher))
            .AddPolicy(StaffAccess.NoticeApprovers, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Approver))
            .AddPolicy(StaffAccess.NoticeStaff, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Publisher, StaffRoles.Approver));
        foreach (var row in CasePolicies.All)
            builder.AddPolicy(row.PolicyName, policy => policy.RequireAuthenticatedUser().RequireRole(row.Roles));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedRefusals>();
    }
}
