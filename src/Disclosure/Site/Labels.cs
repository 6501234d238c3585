using Reporting.Disclosure.Notices;
using Reporting.Intake.Contracts;

namespace Reporting.Disclosure.Site;

/// <summary>The names the public reads for codes: discipline categories, sanctions, kinds of notice and of version.</summary>
internal static class Labels
{
    public static string Category(Language language, string code) =>
        ReportCategories.All.FirstOrDefault(category => category.Code == code) is { Code: not null } found
            ? language.Pick(found.Chinese, found.English)
            : code;

    /// <param name="sanction">"kind:type", as the list filters by.</param>
    public static string Sanction(Language language, string sanction)
    {
        var (kind, type) = (sanction.Split(':')[0], sanction.Split(':').ElementAtOrDefault(1) ?? "");
        return language.Pick(SanctionNames.Chinese(kind, type), SanctionNames.English(kind, type));
    }

    public static string NoticeKind(Language language, string kind) => kind switch
    {
        Notices.NoticeKind.Sanction => language.Pick("处分通报", "Disposition notice"),
        Notices.NoticeKind.Clarification => language.Pick("澄清正名", "Clarification"),
        Notices.NoticeKind.CaseFiled => language.Pick("立案审查调查", "Case filed"),
        _ => language.Pick("撤回声明", "Withdrawal"),
    };

    public static string VersionKind(Language language, string recordKind) => recordKind switch
    {
        RecordKind.Notice => language.Pick("首次发布", "First published"),
        RecordKind.Clarification => language.Pick("首次发布（澄清）", "First published (clarification)"),
        RecordKind.Correction => language.Pick("更正", "Correction"),
        _ => language.Pick("撤回", "Withdrawal"),
    };
}
