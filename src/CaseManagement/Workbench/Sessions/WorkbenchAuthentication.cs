using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.CaseManagement.Staff.Tokens;

namespace Reporting.CaseManagement.Workbench.Sessions;

/// <summary>
/// The workbench signs in with a cookie, the API with a bearer token, and one policy scheme chooses between them by
/// path, so that every policy and every case guard applies to both exactly as written. The cookie carries the same
/// claims a token would (name, roles, security stamp), and is checked against the account on every request.
/// </summary>
internal static class WorkbenchAuthentication
{
    public const string Scheme = "staff-session";
    public const string Selector = "staff";
    public const string CookieName = "__Host-staff-session";
    public const string PathPrefix = "/staff";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(10);

    public static AuthenticationBuilder AddWorkbenchSessions(this AuthenticationBuilder authentication)
    {
        authentication.Services.AddSingleton<StaffSessions>();
        authentication.Services.ConfigureMarten(options => options.Schema.For<StaffSession>());
        authentication.Services.AddOptions<CookieAuthenticationOptions>(Scheme).Configure<StaffSessions>((options, sessions) => options.SessionStore = sessions);
        authentication.Services.AddAntiforgery(options =>
        {
            // Antiforgery refuses a Secure-only cookie on a request that is not HTTPS, and a __Host- name needs Secure:
            // this one is Secure wherever the request came over TLS. It guards forms only, and opens nothing alone.
            options.Cookie.Name = "staff-antiforgery";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = PathPrefix;
            options.FormFieldName = "__form";
        });
        return authentication
            .AddPolicyScheme(Selector, "Workbench session or bearer token", options =>
                options.ForwardDefaultSelector = http => http.Request.Path.StartsWithSegments(PathPrefix) ? Scheme : JwtBearerDefaults.AuthenticationScheme)
            .AddCookie(Scheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                // A __Host- cookie must be Secure; browsers treat loopback as a secure context, so it works in development too.
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.Path = "/";
                options.ExpireTimeSpan = IdleTimeout;
                options.SlidingExpiration = true;
                options.LoginPath = PathPrefix + "/sign-in";
                options.LogoutPath = PathPrefix + "/sign-out";
                options.AccessDeniedPath = PathPrefix + "/forbidden";
                options.ReturnUrlParameter = "returnTo";
                options.Events.OnValidatePrincipal = ValidateAsync;
            });
    }

    /// <summary>The claims of a session, as <see cref="TokenIssuer"/> puts them in a token.</summary>
    public static ClaimsPrincipal PrincipalOf(StaffAccount account) => new(new ClaimsIdentity(
        [
            new Claim(StaffClaims.Subject, account.Username),
            new Claim("name", account.DisplayName),
            new Claim(StaffClaims.SecurityStamp, account.SecurityStamp.ToString(CultureInfo.InvariantCulture)),
            .. account.Roles.Select(role => new Claim(StaffClaims.Role, role)),
        ],
        Scheme, StaffClaims.Subject, StaffClaims.Role));

    public static AuthenticationProperties Properties(DateTimeOffset now) => new() { IssuedUtc = now, IsPersistent = false, AllowRefresh = true };

    /// <summary>An account disabled or changed since sign-in, or a session older than the absolute limit, ends here and now.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var username = context.Principal?.FindFirst(StaffClaims.Subject)?.Value;
        var account = username is null ? null : await http.RequestServices.GetRequiredService<IStaffAccounts>().FindAsync(username, http.RequestAborted);
        var stamp = context.Principal?.FindFirst(StaffClaims.SecurityStamp)?.Value;
        var tooOld = context.Properties.IssuedUtc is not { } issued || now - issued > AbsoluteTimeout;
        if (account is null || account.Disabled || stamp != account.SecurityStamp.ToString(CultureInfo.InvariantCulture) || tooOld)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(Scheme);
            return;
        }
        CurrentStaff.Remember(http, account);
    }
}
