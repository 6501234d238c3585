using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Tokens;

namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>The signed-in staff member of a request, as token validation found them.</summary>
public static class CurrentStaff
{
    private static readonly object AccountKey = new();

    /// <summary>Kept by token validation, which has just loaded the account to check its security stamp.</summary>
    internal static void Remember(HttpContext http, StaffAccount account) => http.Items[AccountKey] = account;

    public static string? Username(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? http.User.FindFirst(StaffClaims.Subject)?.Value : null;

    /// <summary>
    /// Our own accounts as stored; users of an external provider as their token describes them (no organization is
    /// known for them, so automatic recusal by name and organization cannot apply: docs/decisions.md).
    /// </summary>
    public static StaffMember? Member(HttpContext http)
    {
        if (http.Items[AccountKey] is StaffAccount account)
            return account.AsMember();
        var username = Username(http);
        if (username is null)
            return null;
        var roles = http.User.FindAll(StaffClaims.Role).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        return new StaffMember(username, http.User.FindFirst("name")?.Value ?? username, "", roles);
    }

    public static IEnumerable<string> Roles(ClaimsPrincipal user) => user.FindAll(StaffClaims.Role).Select(claim => claim.Value);
}
