using System.Security.Claims;

namespace Reporting.CaseManagement.Contracts;

/// <summary>The authorization policies other modules' staff routes use, and who the signed-in staff member is.</summary>
public static class StaffAccess
{
    /// <summary>Publishers: draft, revise, publish, correct and withdraw notices.</summary>
    public const string NoticePublishers = "notices:publish";

    /// <summary>Approvers: approve or reject a notice draft (先审后发), never one they drafted.</summary>
    public const string NoticeApprovers = "notices:approve";

    /// <summary>Either: the drafts' queue.</summary>
    public const string NoticeStaff = "notices:staff";

    public static string? Username(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst("sub")?.Value : null;
}
