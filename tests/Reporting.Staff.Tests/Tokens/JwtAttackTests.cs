using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Tokens;
using Reporting.Staff.Tests.Hosting;

namespace Reporting.Staff.Tests.Tokens;

/// <summary>Every forged, stale or misdirected token is refused with 401; only what we issued, unchanged and live, passes.</summary>
public sealed class JwtAttackTests(StaffHost host) : IClassFixture<StaffHost>
{
    private const string Issuer = "https://reporting.test";
    private const string Audience = "reporting-staff-test";

    private TokenSigningKey CurrentKey => host.Services.GetRequiredService<TokenSigningKeys>().Current;

    /// <summary>The seeded registrar's current stamp, so that hand-made tokens differ from real ones only where a test says.</summary>
    private string RegistrarStamp => host.Services.GetRequiredService<IStaffAccounts>().FindAsync("registrar1", default)
        .GetAwaiter().GetResult()!.SecurityStamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpStatusCode> MeAsync(string token) => (await host.SendAsync(HttpMethod.Get, "/api/me", token)).StatusCode;

    private static string Encode(JsonObject json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private JsonObject Payload(DateTimeOffset? notBefore = null, DateTimeOffset? expires = null, string issuer = Issuer, string audience = Audience)
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["sub"] = "registrar1",
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["role"] = "registrar",
            ["stamp"] = RegistrarStamp,
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = (notBefore ?? now).ToUnixTimeSeconds(),
            ["exp"] = (expires ?? now.AddMinutes(15)).ToUnixTimeSeconds(),
        };
    }

    /// <summary>A token signed with the host's real key: every attack below differs from it in exactly one respect.</summary>
    private string SignedWithRealKey(JsonObject payload) => SignEs256(payload, CurrentKey.SecurityKey, CurrentKey.KeyId);

    private static string SignEs256(JsonObject payload, SecurityKey key, string keyId)
    {
        var header = new JsonObject { ["alg"] = "ES256", ["typ"] = "JWT", ["kid"] = keyId };
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = CryptoProviderFactory.Default.CreateForSigning(key, SecurityAlgorithms.EcdsaSha256).Sign(Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    [Fact]
    public async Task A_correctly_signed_live_token_for_the_real_account_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, await MeAsync(await host.TokenAsync("registrar1")));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(SignedWithRealKey(Payload())));
    }

    [Fact]
    public async Task A_token_with_alg_none_is_refused()
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = CurrentKey.KeyId };

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync($"{Encode(header)}.{Encode(Payload())}."));
    }

    public static TheoryData<string> PublicKeyForms() => new() { "raw-point", "spki-der", "spki-pem", "jwks-x" };

    [Theory]
    [MemberData(nameof(PublicKeyForms))]
    public async Task A_token_signed_HS256_with_the_public_key_as_secret_is_refused(string form)
    {
        using var publicKey = ECDsa.Create(CurrentKey.PublicParameters());
        var point = CurrentKey.PublicParameters().Q;
        byte[] secret = form switch
        {
            "raw-point" => [0x04, .. point.X!, .. point.Y!],
            "spki-der" => publicKey.ExportSubjectPublicKeyInfo(),
            "spki-pem" => Encoding.ASCII.GetBytes(publicKey.ExportSubjectPublicKeyInfoPem()),
            _ => Encoding.ASCII.GetBytes(Base64UrlEncoder.Encode(point.X)),
        };
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = CurrentKey.KeyId };
        var signingInput = $"{Encode(header)}.{Encode(Payload())}";
        var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync($"{signingInput}.{Base64UrlEncoder.Encode(mac)}"));
    }

    [Fact]
    public async Task A_token_with_an_unknown_kid_is_refused()
    {
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(SignEs256(Payload(), new ECDsaSecurityKey(attackerKey), "jwt-attacker")));
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_the_real_kid_is_refused()
    {
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(SignEs256(Payload(), new ECDsaSecurityKey(attackerKey), CurrentKey.KeyId)));
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(SignedWithRealKey(Payload(issuer: "https://elsewhere.test"))));
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(SignedWithRealKey(Payload(audience: "another-service"))));
    }

    [Fact]
    public async Task An_expired_token_is_refused_once_past_the_30_second_skew()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(SignedWithRealKey(Payload(notBefore: now.AddMinutes(-20), expires: now.AddSeconds(-45)))));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(SignedWithRealKey(Payload(notBefore: now.AddMinutes(-20), expires: now.AddSeconds(-10)))));
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_refused()
    {
        var now = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(SignedWithRealKey(Payload(notBefore: now.AddMinutes(2), expires: now.AddMinutes(17)))));
    }

    [Fact]
    public async Task A_token_whose_payload_was_tampered_with_is_refused()
    {
        var parts = (await host.TokenAsync("registrar1")).Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["role"] = "approver";

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync($"{parts[0]}.{Encode(payload)}.{parts[2]}"));
    }

    [Fact]
    public async Task A_token_without_a_signature_of_the_right_length_is_refused()
    {
        var parts = (await host.TokenAsync("registrar1")).Split('.');

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync($"{parts[0]}.{parts[1]}."));
    }

    [Fact]
    public async Task The_token_of_a_user_disabled_since_is_refused_at_once()
    {
        var (username, token) = await FreshUserTokenAsync();
        Assert.Equal(HttpStatusCode.OK, await MeAsync(token));

        await host.Services.GetRequiredService<IStaffAccounts>().AppendAsync(username, null, [new AccountDisabled("admin1", DateTimeOffset.UtcNow)], default);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
    }

    [Fact]
    public async Task A_token_issued_before_a_role_change_is_refused_at_once()
    {
        var (username, token) = await FreshUserTokenAsync();

        await host.Services.GetRequiredService<IStaffAccounts>().AppendAsync(username, null, [new RoleRevoked("investigator", "admin1", DateTimeOffset.UtcNow)], default);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
    }

    [Fact]
    public async Task Issued_tokens_are_ES256_with_kid_jti_sub_role_and_a_15_minute_life()
    {
        var token = new JwtSecurityTokenHandler().ReadJwtToken(await host.TokenAsync("approver2"));

        Assert.Equal("ES256", token.Header.Alg);
        Assert.Equal(CurrentKey.KeyId, token.Header.Kid);
        Assert.Equal("approver2", token.Subject);
        Assert.NotEmpty(token.Id);
        Assert.Equal(["approver"], token.Claims.Where(claim => claim.Type == "role").Select(claim => claim.Value));
        Assert.Equal(Issuer, token.Issuer);
        Assert.Equal([Audience], token.Audiences);
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.ValidFrom);
    }

    [Fact]
    public async Task The_JWKS_publishes_the_signing_key_that_verifies_issued_tokens()
    {
        var jwks = JsonNode.Parse(await host.Client.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)))!;
        var key = jwks["keys"]!.AsArray().Single(k => (string?)k!["kid"] == CurrentKey.KeyId)!;
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes((string)key["x"]!), Y = Base64UrlEncoder.DecodeBytes((string)key["y"]!) },
        });
        var parts = (await host.TokenAsync("reviewer1")).Split('.');

        Assert.Equal(("EC", "P-256", "ES256", "sig"), ((string)key["kty"]!, (string)key["crv"]!, (string)key["alg"]!, (string)key["use"]!));
        Assert.Null(key["d"]);
        Assert.True(ecdsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64UrlEncoder.DecodeBytes(parts[2]), HashAlgorithmName.SHA256));
    }

    [Fact]
    public async Task Me_answers_who_the_token_belongs_to()
    {
        var me = JsonNode.Parse(await (await host.SendAsync(HttpMethod.Get, "/api/me", await host.TokenAsync("supervisor2"))).Content.ReadAsStringAsync())!;

        Assert.Equal("supervisor2", (string?)me["username"]);
        Assert.False(string.IsNullOrEmpty((string?)me["displayName"]));
        Assert.Equal(["supervisor"], me["roles"]!.AsArray().Select(role => (string?)role));
    }

    [Fact]
    public async Task Without_a_token_me_is_401_as_a_problem()
    {
        var response = await host.SendAsync(HttpMethod.Get, "/api/me", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<(string Username, string Token)> FreshUserTokenAsync()
    {
        var username = $"officer-{Guid.NewGuid():N}"[..20];
        var accounts = host.Services.GetRequiredService<IStaffAccounts>();
        await accounts.CreateAsync(new AccountCreated(username, "临时 Officer", "市纪委监委", DateTimeOffset.UtcNow),
            [new RoleGranted("investigator", "admin1", DateTimeOffset.UtcNow)], default);
        var account = await accounts.FindAsync(username, default);
        return (username, host.Services.GetRequiredService<TokenIssuer>().Issue(account!).AccessToken);
    }
}
