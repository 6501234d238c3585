using Microsoft.AspNetCore.Http;

namespace Reporting.Disclosure.Site;

/// <summary>The public site speaks Simplified Chinese unless a link asks for English (<c>?lang=en</c>).</summary>
public enum SiteLanguage
{
    Chinese,
    English,
}

public static class SiteLanguages
{
    public static SiteLanguage From(HttpRequest request) => request.Query["lang"] == "en" ? SiteLanguage.English : SiteLanguage.Chinese;

    public static string Code(this SiteLanguage language) => language == SiteLanguage.English ? "en" : "zh-CN";

    /// <summary>Picks the text of the page's language; both are always written, side by side, where the text is used.</summary>
    public static string Pick(this SiteLanguage language, string chinese, string english) => language == SiteLanguage.English ? english : chinese;

    /// <summary><paramref name="path"/> with the language kept: <c>?lang=en</c> added for English, nothing for Chinese.</summary>
    public static string Link(this SiteLanguage language, string path) =>
        language == SiteLanguage.Chinese ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en";
}
