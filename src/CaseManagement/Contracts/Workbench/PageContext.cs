using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.CaseManagement.Contracts.Workbench;

/// <summary>What every page needs besides its own content: the reader's language, who is signed in, and the form token.</summary>
/// <param name="Language">"zh-CN" (the default) or "en".</param>
public sealed record PageContext(string Language, StaffMember? User, string FormField, string FormToken)
{
    public const string LanguageCookie = "staff-language";

    public bool English => Language == "en";

    /// <summary>The signed-in user's username, or null on the sign-in page.</summary>
    public string? Username => User?.Username;

    /// <summary>The UI culture a request of this page validates under, so that FluentValidation speaks the page's language.</summary>
    public System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.GetCultureInfo(English ? "en" : "zh-CN");

    public string T(string zh, string en) => English ? en : zh;

    public string T((string Zh, string En) text) => English ? text.En : text.Zh;

    public bool Has(string role) => User?.Roles.Contains(role) == true;

    /// <summary>Registrars, supervisors, investigators, reviewers and approvers: the only ones who see cases.</summary>
    public bool HandlesCases => User?.Roles.Overlaps(StaffRoles.CaseHandlers) == true;

    public static PageContext Of(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var language = http.Request.Cookies[LanguageCookie] == "en" ? "en" : "zh-CN";
        return new PageContext(language, CurrentStaff.Member(http), tokens.FormFieldName, tokens.RequestToken ?? "");
    }
}
