using Microsoft.Extensions.Configuration;

namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>The <c>Authentication</c> section of the configuration.</summary>
/// <param name="Issuer">The <c>iss</c> of our own tokens, and the only one accepted.</param>
/// <param name="Audience">The <c>aud</c> of our own tokens, and the only one accepted (external providers too).</param>
/// <param name="Authority">When set, tokens come from this OpenID Connect provider instead of <c>/api/auth/token</c>.</param>
/// <param name="RoleClaim">The provider's claim that lists roles; a dotted path reaches into a JSON claim (Keycloak's <c>realm_access.roles</c>).</param>
/// <param name="UsernameClaim">The provider's claim that names the user.</param>
/// <param name="SigningKeyLifetime">How long one P-256 key signs before the next one takes over.</param>
/// <param name="TotpIssuer">The name authenticator apps show beside the account.</param>
public sealed record StaffTokenOptions(
    string Issuer,
    string Audience,
    string? Authority,
    string RoleClaim,
    string UsernameClaim,
    bool RequireHttpsMetadata,
    TimeSpan SigningKeyLifetime,
    string TotpIssuer)
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public bool UsesExternalProvider => !string.IsNullOrEmpty(Authority);

    public static StaffTokenOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Authentication");
        return new StaffTokenOptions(
            section["Issuer"] ?? "reporting",
            section["Audience"] ?? "reporting-staff",
            section["Authority"],
            section["RoleClaim"] ?? "realm_access.roles",
            section["UsernameClaim"] ?? "preferred_username",
            section.GetValue("RequireHttpsMetadata", true),
            section.GetValue("SigningKeyLifetime", TimeSpan.FromDays(7)),
            section["TotpIssuer"] ?? "Reporting");
    }
}
