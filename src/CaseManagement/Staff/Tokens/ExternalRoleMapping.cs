using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>Reads the contract's roles out of an external provider's token, from a configurable claim.</summary>
internal static class ExternalRoleMapping
{
    /// <summary>
    /// The provider's tokens' only valid algorithms (<c>TokenValidationParameters.ValidAlgorithms</c>): HMAC and "none"
    /// are refused even from a trusted provider, since a public key must never double as a secret.
    /// </summary>
    public static readonly string[] AsymmetricAlgorithms = ["ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"];

    /// <summary>
    /// The roles under <paramref name="claimPath"/>: a claim name ("roles", "groups"), or a dotted path into a JSON
    /// claim ("realm_access.roles", "resource_access.reporting.roles"). Names that are not roles of the contract are dropped.
    /// </summary>
    public static IEnumerable<string> Roles(JsonWebToken token, string claimPath)
    {
        var path = claimPath.Split('.');
        var claims = token.Claims.Where(claim => claim.Type == path[0]).Select(claim => claim.Value);
        var values = path.Length == 1 ? claims : claims.SelectMany(json => Navigate(json, path.AsSpan(1).ToArray()));
        return values.Where(StaffRoles.All.Contains).Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Navigate(string json, string[] path)
    {
        JsonElement element;
        try
        {
            element = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            return [];
        }
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                return [];
        }
        return element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToArray(),
            JsonValueKind.String => [element.GetString()!],
            _ => [],
        };
    }
}
