using Microsoft.AspNetCore.Http;
using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.CaseManagement.Cases;

/// <summary>The signed-in staff member as the deciders see them.</summary>
internal static class CaseActors
{
    public static Actor Of(HttpContext http) =>
        CurrentStaff.Member(http) is { } member
            ? new Actor(member.Username, new HashSet<string>(member.Roles, StringComparer.Ordinal))
            : throw new InvalidOperationException("Case endpoints run only for signed-in staff.");
}
