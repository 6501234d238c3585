using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.Site;

namespace Reporting.Disclosure.Statistics;

/// <summary>Every word of the statistics page, in Simplified Chinese and in English.</summary>
internal sealed record StatisticsText
{
    public required string Heading { get; init; }
    public required Func<string, string> HeadingFor { get; init; }
    public required string Intro { get; init; }
    public required string PeriodLabel { get; init; }
    public required string PeriodHint { get; init; }
    public required string Show { get; init; }
    public required string OtherPeriods { get; init; }
    public required string Previous { get; init; }
    public required string Next { get; init; }
    public required string WholeQuarter { get; init; }
    public required string WholeYear { get; init; }
    public required Func<string, string> Caption { get; init; }
    public required string ItemHeader { get; init; }
    public required string NotesHeading { get; init; }
    public required string SmallMeaning { get; init; }
    public required string WithheldMeaning { get; init; }
    public required string WithheldSpoken { get; init; }
    public required string SumsNote { get; init; }
    public required string CountingNote { get; init; }
    public required string SanctionsNote { get; init; }
    public required string JsonNote { get; init; }
    public required string BadPeriod { get; init; }
    public required Func<string, string> NotEnded { get; init; }
    public required string StillCounting { get; init; }

    public static StatisticsText For(Language language) => language == Language.English ? English : Chinese;

    public static readonly StatisticsText Chinese = new()
    {
        Heading = "统计数据",
        HeadingFor = period => $"{period}统计数据",
        Intro = "本页公布本机关受理检举控告、处置问题线索、立案审查调查和作出处分处理的数量，按月、按季度和按年统计。只公布已经结束的期间；每件事计入它发生的那个月（北京时间）。",
        PeriodLabel = "期间",
        PeriodHint = "填写月份、季度或年份，例如 2026-11、2026-Q4 或 2026。",
        Show = "查看",
        OtherPeriods = "其他期间",
        Previous = "上一期",
        Next = "下一期",
        WholeQuarter = "所在季度",
        WholeYear = "全年",
        Caption = period => $"{period}检举控告和审查调查处理情况",
        ItemHeader = "项目",
        NotesHeading = "说明",
        SmallMeaning = "少于 5（0 至 4）。为保护当事人，小于 5 的数字不公布。",
        WithheldMeaning = "为防推算而隐去：该数字不少于 5，但公布它会使某个小于 5 的数字可以用其他公布的数字推算出来。",
        WithheldSpoken = "为防推算而隐去",
        SumsNote = "合计等于其各分项之和，季度等于其各月之和，全年等于各季度之和。各期间的数字出自同一张全年表格，不同期间的数字合在一起也推算不出小于 5 的数字。",
        CountingNote = "处置问题线索一项中，同一线索可能先后经过几种处置（例如初步核实后予以了结），每次处置各计一次。",
        SanctionsNote = "处分和处理按人次计：一项决定可以同时给予党纪处分和政务处分。",
        JsonNote = "同样的数据以 JSON 格式提供：",
        BadPeriod = "无法识别这个期间。请填写月份（2026-11）、季度（2026-Q4）或年份（2026）。",
        NotEnded = ends => $"这个期间尚未结束，结束后公布（{ends}）。尚未结束的期间不公布，以免与最终数字相减推算出个别事项。",
        StillCounting = "这个期间刚刚结束，数据仍在统计中，请稍后再查看。",
    };

    public static readonly StatisticsText English = new()
    {
        Heading = "Statistics",
        HeadingFor = period => $"Statistics for {period}",
        Intro = "This page publishes how many reports this commission received and accepted, how it disposed of leads, how many cases it filed and what sanctions it decided, by month, quarter and year. Only periods that have ended are published; everything counts in the month it happened, Beijing time.",
        PeriodLabel = "Period",
        PeriodHint = "A month, a quarter or a year, for example 2026-11, 2026-Q4 or 2026.",
        Show = "Show",
        OtherPeriods = "Other periods",
        Previous = "Previous",
        Next = "Next",
        WholeQuarter = "Its quarter",
        WholeYear = "The whole year",
        Caption = period => $"Reports, leads, cases and sanctions: {period}",
        ItemHeader = "Item",
        NotesHeading = "Notes",
        SmallMeaning = "Fewer than 5 (0 to 4). Figures under 5 are not published, to protect the people concerned.",
        WithheldMeaning = "Withheld so that small figures cannot be worked out: the figure is 5 or more, but publishing it would let a figure under 5 be calculated from the others.",
        WithheldSpoken = "withheld",
        SumsNote = "A total is the sum of its parts, a quarter the sum of its months, a year the sum of its quarters. Every period is published from one table for the whole year, so figures of different periods taken together do not give away a figure under 5 either.",
        CountingNote = "Under leads disposed of, one lead may go through several dispositions in turn (for example closed without action after a preliminary verification); each counts once.",
        SanctionsNote = "Sanctions and other dispositions count each one given: one decision may impose both a party and an administrative sanction.",
        JsonNote = "The same figures as JSON:",
        BadPeriod = "That is not a period. Enter a month (2026-11), a quarter (2026-Q4) or a year (2026).",
        NotEnded = ends => $"This period has not ended yet; it will be published once it has ({ends}). Periods still running are not published, so that their figures cannot be subtracted from the final ones to single out a matter.",
        StillCounting = "This period has only just ended and is still being counted. Please look again shortly.",
    };

    /// <summary>How the period is named in a heading or caption, in this language.</summary>
    public static string NameOf(StatisticsPeriod period, Language language)
    {
        var column = StatisticsColumns.OfYear(period.Year).Single(column => column.Period == period);
        return language.Pick(column.Chinese, column.English);
    }
}
