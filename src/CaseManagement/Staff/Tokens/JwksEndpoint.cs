using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;

namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>
/// <c>GET /.well-known/jwks.json</c>: the public keys that verify staff tokens (RFC 7517), written by hand because
/// IdentityModel 5.7.2 cannot convert an ECDsa key to a JWK.
/// </summary>
internal static class JwksEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/.well-known/jwks.json", (TokenSigningKeys keys) => TypedResults.Ok(Document(keys)))
            .WithTags("Staff")
            .AllowAnonymous();

    public static JwksDocument Document(TokenSigningKeys keys) => new([.. keys.All.Select(key =>
    {
        var point = key.PublicParameters().Q;
        return new Jwk("EC", "P-256", Base64UrlEncoder.Encode(point.X), Base64UrlEncoder.Encode(point.Y), key.KeyId, SecurityAlgorithms.EcdsaSha256, "sig");
    })]);
}

public sealed record JwksDocument(IReadOnlyList<Jwk> Keys);

public sealed record Jwk(string Kty, string Crv, string X, string Y, string Kid, string Alg, string Use);
