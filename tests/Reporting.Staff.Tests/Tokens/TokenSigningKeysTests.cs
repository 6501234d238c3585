using System.IdentityModel.Tokens.Jwt;
using Microsoft.IdentityModel.JsonWebTokens;
using Reporting.CaseManagement.Staff.Tokens;

namespace Reporting.Staff.Tests.Tokens;

public sealed class TokenSigningKeysTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_newest_key_signs_and_every_loaded_key_verifies()
    {
        using var old = TokenSigningKey.Generate(Now.AddDays(-8));
        using var fresh = TokenSigningKey.Generate(Now.AddMinutes(-1));
        var keys = new TokenSigningKeys();

        keys.Replace([old, fresh]);

        Assert.Same(fresh, keys.Current);
        Assert.Same(old, keys.Find(old.KeyId));
        Assert.Null(keys.Find("jwt-unknown"));
        Assert.Null(keys.Find(null));
    }

    [Fact]
    public void An_old_key_is_kept_until_its_successor_has_signed_for_longer_than_a_token_lives()
    {
        using var old = TokenSigningKey.Generate(Now.AddDays(-8));
        using var successor = TokenSigningKey.Generate(Now.AddMinutes(-10));

        Assert.Empty(TokenSigningKeys.Retired([old, successor], Now));
        Assert.Equal([old], TokenSigningKeys.Retired([old, successor], Now.AddMinutes(6)));
    }

    [Fact]
    public void A_key_is_due_for_rotation_after_its_lifetime()
    {
        Assert.False(TokenSigningKeys.IsDueForRotation(Now.AddDays(-6), Now, TimeSpan.FromDays(7)));
        Assert.True(TokenSigningKeys.IsDueForRotation(Now.AddDays(-7), Now, TimeSpan.FromDays(7)));
    }

    [Fact]
    public void A_key_survives_export_and_import_with_its_id()
    {
        using var key = TokenSigningKey.Generate(Now);
        using var imported = TokenSigningKey.Import(key.KeyId, key.ExportPkcs8(), key.CreatedAt);

        Assert.Equal(key.PublicParameters().Q.X, imported.PublicParameters().Q.X);
        Assert.Equal(key.KeyId, imported.SecurityKey.KeyId);
    }

    [Theory]
    [InlineData("realm_access.roles", "{\"realm_access\":{\"roles\":[\"approver\",\"offline_access\",\"auditor\"]}}", "approver,auditor")]
    [InlineData("resource_access.reporting.roles", "{\"resource_access\":{\"reporting\":{\"roles\":[\"registrar\"]}}}", "registrar")]
    [InlineData("roles", "{\"roles\":[\"investigator\",\"uma_authorization\"]}", "investigator")]
    [InlineData("groups", "{\"groups\":\"reviewer\"}", "reviewer")]
    [InlineData("realm_access.roles", "{\"roles\":[\"admin\"]}", "")]
    public void Roles_are_read_from_the_configured_claim_of_an_external_token_and_only_contract_roles_kept(string claim, string payloadJson, string expected)
    {
        var token = new JsonWebToken("""{"alg":"none"}""", payloadJson);

        Assert.Equal(expected, string.Join(',', ExternalRoleMapping.Roles(token, claim)));
    }

    [Theory]
    [InlineData("RS256", true)]
    [InlineData("ES256", true)]
    [InlineData("HS256", false)]
    [InlineData("none", false)]
    [InlineData(null, false)]
    public void External_tokens_must_be_signed_asymmetrically(string? algorithm, bool accepted)
    {
        Assert.Equal(accepted, ExternalRoleMapping.AsymmetricAlgorithms.Contains(algorithm));
    }
}
