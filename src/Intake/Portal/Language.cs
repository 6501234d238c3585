namespace Reporting.Intake.Portal;

/// <summary>The portal speaks Simplified Chinese unless asked for English by link (<c>?lang=en</c>) or form field.</summary>
public enum Language
{
    Chinese,
    English,
}

internal static class Languages
{
    public static Language From(IQueryCollection query) => Parse(query["lang"]);

    public static string Code(this Language language) => language == Language.English ? "en" : "zh-CN";

    /// <summary>The query string that keeps the language across links: empty for Chinese, the default.</summary>
    public static string Query(this Language language) => language == Language.English ? "?lang=en" : "";

    private static Language Parse(string? asked) => asked == "en" ? Language.English : Language.Chinese;
}
