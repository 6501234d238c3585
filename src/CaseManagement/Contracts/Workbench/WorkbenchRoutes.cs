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
            if (HttpMethods.IsPost(http.Request.Method) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
                return WorkbenchPages.Message(http, StatusCodes.Status400BadRequest, ("表单已失效", "The form has expired"),
                    ("表单已过期或不是从本系统提交的，未作任何更改。请返回重新填写。", "The form expired or did not come from this system; nothing was changed. Go back and fill it in again."));
            return await next(context);
        });
}
