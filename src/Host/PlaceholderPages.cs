using System.Net;

namespace Reporting.Host;

/// <summary>
/// Honest placeholders for the three surfaces until each module serves its own pages:
/// they say the surface is not open yet, and accept nothing.
/// </summary>
internal static class PlaceholderPages
{
    public static void Map(WebApplication app, ModuleSelection modules)
    {
        if (modules.Intake)
            app.MapGet("/", () => Page(
                "检举控告平台", "Reporting portal",
                "本平台尚在建设中，暂不受理网上检举控告。请勿在此提交任何材料。",
                "This portal is still being built and does not accept reports yet. Do not submit anything here."));
        if (modules.Cases)
            app.MapGet("/staff", () => Page(
                "工作人员平台", "Staff workbench",
                "工作台尚在建设中，暂无可用功能。",
                "The staff workbench is still being built and offers no functions yet."));
        if (modules.Disclosure)
            app.MapGet("/notices", () => Page(
                "处分通报公开", "Published disposition notices",
                "公开平台尚未开通，目前没有已发布的通报。",
                "The public record is not open yet; no notices have been published."));
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
