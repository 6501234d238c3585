using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reporting.CaseManagement.Staff.Accounts;

namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>Issues the ES256 access tokens of <c>POST /api/auth/token</c>.</summary>
public sealed class TokenIssuer(TokenSigningKeys keys, StaffTokenOptions options, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedToken Issue(StaffAccount account)
    {
        var now = time.GetUtcNow();
        var key = keys.Current;
        var claims = new List<Claim>
        {
            new(StaffClaims.Subject, account.Username),
            new(StaffClaims.TokenId, Guid.NewGuid().ToString("N")),
            new(StaffClaims.SecurityStamp, account.SecurityStamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(StaffClaims.Role, role)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + StaffTokenOptions.TokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.EcdsaSha256),
        };
        return new IssuedToken(Handler.CreateToken(descriptor), (int)StaffTokenOptions.TokenLifetime.TotalSeconds);
    }
}

public sealed record IssuedToken(string AccessToken, int ExpiresIn);
