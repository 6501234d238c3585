using System.Net;
using System.Text;

namespace Reporting.Disclosure.Site;

/// <summary>The sections of the public site, one link each in the header.</summary>
internal enum Section
{
    Notices,
    Statistics,
    Verify,
}

/// <summary>
/// The frame of every page of the public site: language, a skip link, the site name, the navigation with the current
/// section marked, the language switch, one main region and the footer. Styles come from /disclosure.css on this
/// origin; there is no script, no cookie and nothing from another origin. A page of the site builds its main content
/// (encoded with <see cref="Encode"/>), passes it here with its section and its own path, and serves the result.
/// </summary>
internal static class PublicPage
{
    /// <summary>A whole page as HTML.</summary>
    /// <param name="path">This page's path with its query but without <c>lang</c>: the language switch links to it.</param>
    /// <param name="body">The main region's content after the heading, already encoded.</param>
    /// <param name="feed">The Atom feed the page offers, if any.</param>
    public static string Html(Language language, Section current, string path, string heading, string body, string? feed = null)
    {
        var text = SiteText.For(language);
        var other = language.Other();
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="{language.Code()}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{Encode(heading)} · {Encode(text.SiteName)}</title>
            <link rel="stylesheet" href="{Stylesheet.Path}">
            {(feed is null ? "" : $"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{Encode(feed)}\">")}
            </head>
            <body>
            <a class="skip" href="#main">{Encode(text.SkipToContent)}</a>
            <header>
            <a class="site" href="{Encode(language.Link("/notices"))}">{Encode(text.SiteName)}</a>
            <nav aria-label="{Encode(text.Navigation)}"><ul>
            """);
        foreach (var (section, href, label) in new[] { (Section.Notices, "/notices", text.Notices), (Section.Statistics, "/statistics", text.Statistics), (Section.Verify, "/verify", text.Verify) })
            html.Append($"""<li><a href="{Encode(language.Link(href))}"{(section == current ? " aria-current=\"page\"" : "")}>{Encode(label)}</a></li>""");
        html.Append($"""
            </ul></nav>
            <a class="language" href="{Encode(other.Link(path))}" lang="{other.Code()}" hreflang="{other.Code()}">{Encode(text.OtherLanguageName)}</a>
            </header>
            <main id="main" tabindex="-1">
            <h1>{Encode(heading)}</h1>
            {body}
            </main>
            <footer><p>{Encode(text.Footer)}</p></footer>
            </body>
            </html>
            """);
        return html.ToString();
    }

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A date as the public reads it: Beijing time, to the day.</summary>
    public static string Date(DateTimeOffset? at) =>
        at is { } time ? time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
}
