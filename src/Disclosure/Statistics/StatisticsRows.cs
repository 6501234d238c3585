using Reporting.CaseManagement.Contracts;

namespace Reporting.Disclosure.Statistics;

/// <summary>
/// A row of the public table: a counter of the case module, or, without one, the total of the rows that are
/// <see cref="PartOf"/> it.
/// </summary>
internal sealed record StatisticsRow(string Key, string? PartOf, string Chinese, string English, string? Counter = null);

/// <summary>The rows of the public table, in the order shown: what the office received, how it disposed of leads, and how cases ended.</summary>
internal static class StatisticsRows
{
    public static readonly IReadOnlyList<StatisticsRow> All =
    [
        new("received", null, "收到检举控告", "Reports received", CaseCounter.Received),
        new("accepted", null, "受理", "Reports accepted", CaseCounter.Accepted),
        new("dispositions", null, "处置问题线索", "Leads disposed of"),
        new("disposition:talk-inquiry", "dispositions", "谈话函询", "Talk or letter inquiry", CaseCounter.TalkInquiry),
        new("disposition:preliminary-verification", "dispositions", "初步核实", "Preliminary verification", CaseCounter.PreliminaryVerification),
        new("disposition:park", "dispositions", "暂存待查", "Parked for later inquiry", CaseCounter.Parked),
        new("disposition:close-no-action", "dispositions", "予以了结", "Closed without action", CaseCounter.ClosedWithoutAction),
        new("filed", null, "立案审查调查", "Cases filed for investigation", CaseCounter.Filed),
        new("decided", null, "作出处分处理决定", "Decisions taken", CaseCounter.Decided),
        new("sanctions", null, "处分和处理（人次）", "Sanctions and other dispositions (each one counted)"),
        new("sanctions:party", "sanctions", "党纪处分", "Party sanctions"),
        Sanction(SanctionKind.Party, PartySanction.Warning, "警告", "Warning"),
        Sanction(SanctionKind.Party, PartySanction.SeriousWarning, "严重警告", "Serious warning"),
        Sanction(SanctionKind.Party, PartySanction.RemovalFromPartyPost, "撤销党内职务", "Removal from party post"),
        Sanction(SanctionKind.Party, PartySanction.Probation, "留党察看", "Probation within the party"),
        Sanction(SanctionKind.Party, PartySanction.Expulsion, "开除党籍", "Expulsion from the party"),
        new("sanctions:administrative", "sanctions", "政务处分", "Administrative sanctions"),
        Sanction(SanctionKind.Administrative, AdministrativeSanction.Warning, "警告", "Warning"),
        Sanction(SanctionKind.Administrative, AdministrativeSanction.Demerit, "记过", "Demerit"),
        Sanction(SanctionKind.Administrative, AdministrativeSanction.MajorDemerit, "记大过", "Major demerit"),
        Sanction(SanctionKind.Administrative, AdministrativeSanction.Demotion, "降级", "Demotion"),
        Sanction(SanctionKind.Administrative, AdministrativeSanction.DismissalFromPost, "撤职", "Dismissal from post"),
        Sanction(SanctionKind.Administrative, AdministrativeSanction.ExpulsionFromOffice, "开除", "Expulsion from public office"),
        new("sanctions:other", "sanctions", "其他处理", "Other dispositions"),
        Sanction(SanctionKind.Other, OtherDisposition.Reminder, "提醒谈话", "Reminder"),
        Sanction(SanctionKind.Other, OtherDisposition.Criticism, "批评教育", "Criticism"),
        Sanction(SanctionKind.Other, OtherDisposition.Admonition, "诫勉", "Admonition"),
        Sanction(SanctionKind.Other, OtherDisposition.ReferralToProcuratorate, "移送检察机关", "Referral to the procuratorate"),
        Sanction(SanctionKind.Other, OtherDisposition.SanctionWaived, "免予处分", "Sanction waived"),
        new("names-cleared", null, "澄清正名", "Names cleared", CaseCounter.NameCleared),
    ];

    private static StatisticsRow Sanction(string kind, string type, string chinese, string english) =>
        new($"sanction:{kind}:{type}", $"sanctions:{kind}", chinese, english, CaseCounter.Sanction(kind, type));
}
