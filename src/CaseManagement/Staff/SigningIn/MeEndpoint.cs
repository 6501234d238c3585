using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.CaseManagement.Staff.SigningIn;

/// <summary><c>GET /api/me</c>: who the token belongs to.</summary>
internal static class MeEndpoint
{
    public sealed record MeResponse(string Username, string DisplayName, IReadOnlyList<string> Roles);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/me", Handle).WithTags("Staff").RequireAuthorization(StaffPolicies.AnyStaff);

    private static Ok<MeResponse> Handle(HttpContext http)
    {
        var member = CurrentStaff.Member(http)!;
        return TypedResults.Ok(new MeResponse(member.Username, member.DisplayName, [.. member.Roles.Order(StringComparer.Ordinal)]));
    }
}
