namespace Reporting.Disclosure.Site;

/// <summary>The public site speaks Simplified Chinese unless asked for English by link or form field (<c>?lang=en</c>).</summary>
internal enum Language
{
    Chinese,
    English,
}

internal static class Languages
{
    public static Language From(IQueryCollection query) => query["lang"] == "en" ? Language.English : Language.Chinese;

    public static string Code(this Language language) => language == Language.English ? "en" : "zh-CN";

    public static Language Other(this Language language) => language == Language.English ? Language.Chinese : Language.English;

    /// <summary>
    /// The path with the language kept in its query: nothing for Chinese, the default, <c>lang=en</c> for English,
    /// joined to the query the path may already have.
    /// </summary>
    public static string Link(this Language language, string path) =>
        language == Language.English ? path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=en" : path;

    /// <summary>One of two texts: the Chinese or the English.</summary>
    public static string Pick(this Language language, string chinese, string english) => language == Language.English ? english : chinese;
}
