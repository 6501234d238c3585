using Reporting.CaseManagement.Workbench.Sessions;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.CaseManagement.Staff.Tokens;

/// <summary>
/// Bearer-token validation through JwtBearer: our own ES256 tokens, or an external OpenID Connect provider's
/// when <c>Authentication:Authority</c> is set.
/// </summary>
internal static class StaffAuthentication
{
    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(Workbench.Sessions.WorkbenchAuthentication.Selector).AddJwtBearer().AddWorkbenchSessions();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TokenSigningKeys, StaffTokenOptions>((bearer, keys, options) =>
        {
            // Claims keep their JWT names ("sub", "role"); the inbound map would rename them to URIs.
            bearer.MapInboundClaims = false;
            bearer.IncludeErrorDetails = false;
            if (options.UsesExternalProvider)
                ConfigureExternalProvider(bearer, options);
            else
                ConfigureOwnTokens(bearer, options, keys);
        });
    }

    private static void ConfigureOwnTokens(JwtBearerOptions bearer, StaffTokenOptions options, TokenSigningKeys keys)
    {
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = StaffTokenOptions.ClockSkew,
            NameClaimType = StaffClaims.Subject,
            RoleClaimType = StaffClaims.Role,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        };
        // Only ECDsa keys, and only by their exact kid: an unknown kid finds no key at all, and an HMAC signature made
        // with the public key as its secret cannot verify against an ECDsa key.
        bearer.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, keyId, _) =>
            keys.Find(keyId) is { } key ? [key.SecurityKey] : [];
        bearer.Events = new JwtBearerEvents { OnTokenValidated = ValidateOwnTokenAsync, OnChallenge = ChallengeAsync };
    }

    /// <summary>Past the signature: the account must still be what the token says it is.</summary>
    private static async Task ValidateOwnTokenAsync(TokenValidatedContext context)
    {
        var directory = context.HttpContext.RequestServices.GetRequiredService<IStaffAccounts>();
        var username = context.Principal?.FindFirst(StaffClaims.Subject)?.Value;
        var account = username is null ? null : await directory.FindAsync(username, context.HttpContext.RequestAborted);
        var stamp = context.Principal?.FindFirst(StaffClaims.SecurityStamp)?.Value;
        if (account is null || account.Disabled || stamp != account.SecurityStamp.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            context.Fail("The account changed since the token was issued.");
            return;
        }
        CurrentStaff.Remember(context.HttpContext, account);
    }

    /// <summary>
    /// The 401 as a problem response whatever the client accepts, with one text for every cause: the reason a token
    /// failed would only help whoever forged it.
    /// </summary>
    private static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        context.Response.Headers.WWWAuthenticate = JwtBearerDefaults.AuthenticationScheme;
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "A valid staff access token is required.").ExecuteAsync(context.HttpContext);
    }

    private static void ConfigureExternalProvider(JwtBearerOptions bearer, StaffTokenOptions options)
    {
        bearer.Authority = options.Authority;
        bearer.Audience = options.Audience;
        bearer.RequireHttpsMetadata = options.RequireHttpsMetadata;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAudience = options.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = StaffTokenOptions.ClockSkew,
            NameClaimType = StaffClaims.Subject,
            RoleClaimType = StaffClaims.Role,
            ValidAlgorithms = ExternalRoleMapping.AsymmetricAlgorithms,
        };
        bearer.Events = new JwtBearerEvents
        {
            OnChallenge = ChallengeAsync,
            OnTokenValidated = context =>
            {
                if (context.SecurityToken is not JsonWebToken token)
                {
                    context.Fail("The token was not read as a JSON web token.");
                    return Task.CompletedTask;
                }
                var username = token.Claims.FirstOrDefault(claim => claim.Type == options.UsernameClaim)?.Value;
                if (username is null)
                {
                    context.Fail("The token names no user.");
                    return Task.CompletedTask;
                }
                var identity = new ClaimsIdentity(
                    [new Claim(StaffClaims.Subject, username), .. ExternalRoleMapping.Roles(token, options.RoleClaim).Select(role => new Claim(StaffClaims.Role, role))],
                    JwtBearerDefaults.AuthenticationScheme, StaffClaims.Subject, StaffClaims.Role);
                context.Principal = new ClaimsPrincipal(identity);
                return Task.CompletedTask;
            },
        };
    }
}
