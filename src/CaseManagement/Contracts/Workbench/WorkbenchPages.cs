using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Reporting.CaseManagement.Workbench.Pages;

namespace Reporting.CaseManagement.Contracts.Workbench;

/// <summary>Pages rendered by Razor components on the server (static rendering: no circuit, no script), with their status.</summary>
public static class WorkbenchPages
{
    public static RazorComponentResult Render<TComponent>(HttpContext http, object parameters, int status = StatusCodes.Status200OK)
        where TComponent : IComponent
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Page"] = PageContext.Of(http) };
        foreach (var property in parameters.GetType().GetProperties())
            values[property.Name] = property.GetValue(parameters);
        return new RazorComponentResult<TComponent>(values) { StatusCode = status, ContentType = "text/html; charset=utf-8" };
    }

    public static RazorComponentResult Message(HttpContext http, int status, (string Zh, string En) title, (string Zh, string En) text, string back = "/staff")
    {
        var page = PageContext.Of(http);
        return Render<MessagePage>(http, new { Title = page.T(title), Text = page.T(text), Back = back }, status);
    }

    public static RazorComponentResult Forbidden(HttpContext http, string reason) => Message(http, StatusCodes.Status403Forbidden,
        ("无权办理", "Not allowed"),
        ($"您无权进行此操作，已记入审计日志。（{reason}）", $"You may not do this; the attempt is on the audit trail. ({reason})"));

    public static RazorComponentResult NotFound(HttpContext http) => Message(http, StatusCodes.Status404NotFound,
        ("未找到", "Not found"), ("没有这个案件或页面。", "There is no such case or page."));

    internal static bool IsWorkbench(HttpContext http) => http.Request.Path.StartsWithSegments(Reporting.CaseManagement.Workbench.Sessions.WorkbenchAuthentication.PathPrefix);
}
