using System.Net;
using System.Text;

namespace Reporting.Intake.Portal;

/// <summary>
/// The frame of every portal page: language, a skip link, the site name, the language switch and one main region.
/// Styles come from /intake.css on this origin; there is no script at all.
/// </summary>
internal static class PortalPage
{
    public static IResult Render(Language language, string heading, string body, int statusCode = StatusCodes.Status200OK, string? switchPath = "/")
    {
        var text = PortalText.For(language);
        var other = language == Language.English ? Language.Chinese : Language.English;
        var switchLink = switchPath is null
            ? ""
            : $"""<a class="language" href="{switchPath}{other.Query()}" lang="{other.Code()}" hreflang="{other.Code()}">{text.OtherLanguageName}</a>""";
        var html = $"""
            <!DOCTYPE html>
            <html lang="{language.Code()}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{Encode(heading)} · {Encode(text.SiteName)}</title>
            <link rel="stylesheet" href="/intake.css">
            </head>
            <body>
            <a class="skip" href="#main">{text.SkipToContent}</a>
            <header>
            <a class="site" href="/{language.Query()}">{Encode(text.SiteName)}</a>
            {switchLink}
            </header>
            <main id="main" tabindex="-1">
            <h1>{Encode(heading)}</h1>
            {body}
            </main>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>The one-use throttle token every portal form carries (its language travels in the action's query).</summary>
    public static string TokenField(string formToken) => $"""<input type="hidden" name="formToken" value="{Encode(formToken)}">""";

    public static string Notice(string message, string role = "alert") => $"""<p class="notice" role="{role}">{Encode(message)}</p>""";

    /// <summary>Beijing time to the hour: the only precision the informant's events are kept at.</summary>
    public static string Hour(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:00 '(UTC+8)'", System.Globalization.CultureInfo.InvariantCulture);
}
