using System.Net;

namespace Reporting.Disclosure.Site;

/// <summary>
/// The frame of every public page: its language, a skip link, the site's name and navigation, the language switch, one
/// main region and a footer. One stylesheet from this origin; no script, no cookie, nothing from another origin.
/// </summary>
public static class PublicPage
{
    /// <param name="path">This page's path and query without the language, for the switch to the other language.</param>
    public static string Render(SiteLanguage language, string heading, string body, string path, string? feedLink = null)
    {
        var other = language == SiteLanguage.English ? SiteLanguage.Chinese : SiteLanguage.English;
        var siteName = language.Pick("纪检监察公开 · 处分通报", "Discipline inspection: public record");
        var feed = feedLink is null ? "" : $"""<link rel="alternate" type="application/atom+xml" href="{Encode(feedLink)}" title="{Encode(language.Pick("处分通报订阅", "Notices feed"))}">""";
        return $"""
            <!DOCTYPE html>
            <html lang="{language.Code()}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{Encode(heading)} · {Encode(siteName)}</title>
            <link rel="stylesheet" href="/disclosure.css">
            {feed}
            </head>
            <body>
            <a class="skip" href="#main">{language.Pick("跳到正文", "Skip to content")}</a>
            <header>
            <a class="site" href="{language.Link("/notices")}">{Encode(siteName)}</a>
            <nav aria-label="{language.Pick("栏目", "Sections")}">
            <ul>
            <li><a href="{language.Link("/notices")}">{language.Pick("处分通报", "Notices")}</a></li>
            <li><a href="{language.Link("/statistics")}">{language.Pick("统计数据", "Statistics")}</a></li>
            <li><a href="{language.Link("/verify")}">{language.Pick("如何核验", "How to verify")}</a></li>
            <li><a href="{other.Link(path)}" lang="{other.Code()}" hreflang="{other.Code()}">{other.Pick("中文", "English")}</a></li>
            </ul>
            </nav>
            </header>
            <main id="main" tabindex="-1">
            <h1>{Encode(heading)}</h1>
            {body}
            </main>
            <footer>
            <p>{language.Pick(
                "本站每条通报均经数字签名并记入公开的透明日志，任何人都可以用独立工具核验其未被改动。本站不使用 Cookie，不加载第三方资源。",
                "Every notice here is digitally signed and entered in a public transparency log: anyone can check with independent tools that it was never altered. This site sets no cookies and loads nothing from other sites.")}</p>
            </footer>
            </body>
            </html>
            """;
    }

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A date as the public reads it: Beijing time, to the day.</summary>
    public static string Date(DateTimeOffset? at) =>
        at is { } time ? time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
}
