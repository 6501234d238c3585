using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Reporting.Staff.Tests.Hosting;

namespace Reporting.Staff.Tests.Tokens;

/// <summary>The host pointed at an external OpenID Connect provider by <c>Authentication:Authority</c>.</summary>
public sealed class ExternalProviderHost : StaffHost
{
    public FakeOpenIdProvider Provider { get; } = new();

    public override async Task InitializeAsync()
    {
        await Provider.StartAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Authentication:Authority"] = Provider.Authority;
        settings["Authentication:RequireHttpsMetadata"] = "false";
        settings["Authentication:RoleClaim"] = "realm_access.roles";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class ExternalProviderTests(ExternalProviderHost host) : IClassFixture<ExternalProviderHost>
{
    private const string Audience = "reporting-staff-test";

    private static Claim[] Claims(string username, params string[] roles) =>
    [
        new("preferred_username", username),
        new("realm_access", new JsonObject { ["roles"] = new JsonArray([.. roles.Select(role => JsonValue.Create(role))]) }.ToJsonString(), JsonClaimValueTypes.Json),
    ];

    [Fact]
    public async Task A_providers_token_is_accepted_with_roles_mapped_from_the_configured_claim()
    {
        var token = host.Provider.Issue(Audience, Claims("wang.wei", "approver", "offline_access"));

        var response = await host.SendAsync(HttpMethod.Get, "/api/me", token);
        var me = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("wang.wei", (string?)me["username"]);
        Assert.Equal(["approver"], me["roles"]!.AsArray().Select(role => (string?)role));
    }

    [Fact]
    public async Task The_mapped_roles_drive_the_policies()
    {
        var auditor = host.Provider.Issue(Audience, Claims("li.na", "auditor"));
        var registrar = host.Provider.Issue(Audience, Claims("zhao.lei", "registrar"));

        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, "/api/audit", auditor)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Get, "/api/audit", registrar)).StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var token = host.Provider.Issue("another-client", Claims("wang.wei", "approver"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Get, "/api/me", token)).StatusCode);
    }

    [Fact]
    public async Task An_HMAC_token_is_refused_even_when_it_claims_the_providers_issuer()
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a shared secret that is long enough for HS256"));
        var token = host.Provider.Issue(Audience, Claims("wang.wei", "approver"), new SigningCredentials(secret, SecurityAlgorithms.HmacSha256));

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Get, "/api/me", token)).StatusCode);
    }

    [Fact]
    public async Task Our_own_token_endpoint_is_not_what_signs_tokens_then()
    {
        var ownToken = await host.TokenAsync("registrar1");

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Get, "/api/me", ownToken)).StatusCode);
    }
}
