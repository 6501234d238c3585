namespace Reporting.Disclosure.Site;

/// <summary>The words of the public site's frame, in Simplified Chinese and in English.</summary>
internal sealed record SiteText(
    string SiteName,
    string SkipToContent,
    string Navigation,
    string Notices,
    string Statistics,
    string Verify,
    string OtherLanguageName,
    string Footer)
{
    public static SiteText For(Language language) => language == Language.English ? English : Chinese;

    private static readonly SiteText Chinese = new(
        SiteName: "纪检监察信息公开",
        SkipToContent: "跳到正文",
        Navigation: "主导航",
        Notices: "通报",
        Statistics: "统计",
        Verify: "如何核验",
        OtherLanguageName: "English",
        Footer: "本站不使用 Cookie，不需要 JavaScript，不从其他网站加载任何内容。");

    private static readonly SiteText English = new(
        SiteName: "Discipline Inspection: Public Record",
        SkipToContent: "Skip to content",
        Navigation: "Main navigation",
        Notices: "Notices",
        Statistics: "Statistics",
        Verify: "How to verify",
        OtherLanguageName: "简体中文",
        Footer: "This site sets no cookies, needs no JavaScript and loads nothing from any other site.");
}
