using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Workbench.Sessions;

namespace Reporting.CaseManagement.Contracts.Workbench;

/// <summary>What every workbench route shares, whichever module maps it: the path, the policy, no-store and antiforgery.</summary>
public static class WorkbenchRoutes
{
    /// <summary>The policy of the issue, exactly: nothing but this origin's own files, no framing, no plug-ins.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>
    /// A group of workbench routes under <c>/staff</c>: every page with the strict policy and <c>no-store</c>, every post
    /// with a valid antiforgery token. Other modules' workbench pages (the publishers') are mapped in one of these too.
    /// </summary>
    public static RouteGroupBuilder MapGroup(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(WorkbenchAuthentication.PathPrefix).ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            // Set as the response starts: antiforgery writes "no-cache, no-store" and a Pragma when it issues a token.
            http.Response.OnStarting(() =>
            {
                http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.Remove("Pragma");
                return Task.CompletedTask;
            });
            // Every form carries the antiforgery token; a post without a valid one changes nothing.
            if (HttpMethods.IsPost(http.Request.Method) && !await CarriesValidTokenAsync(http))
                return WorkbenchPages.Message(http, StatusCodes.Status400BadRequest, ("表单已失效", "The form has expired"),
                    ("表单已过期或不是从本系统提交的，未作任何更改。请返回重新填写。", "The form expired or did not come from this system; nothing was changed. Go back and fill it in again."));
            return await next(context);
        });

    /// <summary>
    /// Antiforgery reads the form to find the token, and the form reader throws on what no browser sends: a form past
    /// its limits (1024 fields, 2 KiB names), a null byte, a charset .NET does not know, multipart with no boundary or cut
    /// short (antiforgery wraps some of these in its own exception).
    /// Such a post carries no token anyone can trust, so it is refused like one without a token, not answered with 500.
    /// </summary>
    private static async Task<bool> CarriesValidTokenAsync(HttpContext http)
    {
        try
        {
            return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        }
        // BadHttpRequestException is an IOException too; it goes on to the exception handler, which answers its status.
        catch (Exception exception) when (exception is AntiforgeryValidationException or InvalidDataException or NotSupportedException
            or IOException && exception is not BadHttpRequestException)
        {
            return false;
        }
    }
}
