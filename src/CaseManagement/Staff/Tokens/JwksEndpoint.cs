using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;

namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>
/// <c>GET /.well-known/jwks.json</c>: the public keys that verify staff tokens (RFC 7517), converted by IdentityModel's
/// <c>JsonWebKeyConverter</c>; only the public members are written, whatever else the converted key carries.
/// </summary>
internal static class JwksEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/.well-known/jwks.json", (TokenSigningKeys keys) => TypedResults.Ok(Document(keys)))
            .WithTags("Staff")
            .AllowAnonymous();

    public static JwksDocument Document(TokenSigningKeys keys) => new([.. keys.All.Select(key =>
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(key.SecurityKey);
        return new Jwk(jwk.Kty, jwk.Crv, jwk.X, jwk.Y, jwk.Kid, SecurityAlgorithms.EcdsaSha256, JsonWebKeyUseNames.Sig);
    })]);
}

public sealed record JwksDocument(IReadOnlyList<Jwk> Keys);

public sealed record Jwk(string Kty, string Crv, string X, string Y, string Kid, string Alg, string Use);
