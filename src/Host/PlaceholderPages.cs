using System.Net;

namespace Reporting.Host;

/// <summary>
/// Honest placeholders for the surfaces whose module does not serve its own pages yet (Intake serves its portal at /, Disclosure the public record at /notices):
/// they say the surface is not open yet, and accept nothing.
/// </summary>
internal static class PlaceholderPages
{
    public static void Map(WebApplication app, ModuleSelection modules)
    {
        if (modules.Cases)
            app.MapGet("/staff", () => Page(
                "工作人员平台", "Staff workbench",
                "工作台尚在建设中，暂无可用功能。",
                "The staff workbench is still being built and offers no functions yet."));
    }

    private static IResult Page(string titleZh, string titleEn, string textZh, string textEn)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(titleZh)} · {Encode(titleEn)}</title>
            </head>
            <body>
            <main>
            <h1>{Encode(titleZh)} <span lang="en">{Encode(titleEn)}</span></h1>
            <p role="status">{Encode(textZh)}</p>
            <p lang="en">{Encode(textEn)}</p>
            </main>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
