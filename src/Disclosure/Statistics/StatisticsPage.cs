using System.Globalization;
using System.Text;
using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.Site;
using Reporting.Disclosure.Statistics.Suppressing;
using static Reporting.Disclosure.Site.PublicPage;

namespace Reporting.Disclosure.Statistics;

/// <summary>
/// The statistics page: a period form, links to the periods around, the table with its caption and headers, and
/// notes that explain the marks. A GET form and links only: nothing needs script.
/// </summary>
internal static class StatisticsPage
{
    public static string Path(StatisticsPeriod? period) => period is null ? "/statistics" : $"/statistics?period={period.Key}";

    public static string Table(Language language, PublishedTable table, Func<StatisticsPeriod, bool> hasEnded)
    {
        var text = StatisticsText.For(language);
        var name = StatisticsText.NameOf(table.Period, language);
        var body = new StringBuilder();
        body.Append(Introduction(language, table.Period.Key));
        body.Append(Neighbours(language, table.Period, hasEnded));
        body.Append($"""<div class="table" role="region" aria-labelledby="caption" tabindex="0"><table><caption id="caption">{Encode(text.Caption(name))}</caption><thead><tr><th scope="col">{Encode(text.ItemHeader)}</th>""");
        foreach (var column in table.Columns)
            body.Append($"""<th scope="col">{Encode(language.Pick(column.Chinese, column.English))}</th>""");
        body.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            var depth = Depth(row.Row, table.Rows);
            var isTotal = table.Rows.Any(other => other.Row.PartOf == row.Row.Key);
            var classes = string.Join(' ', new[] { isTotal ? "total" : null, depth == 1 ? "part" : depth >= 2 ? "subpart" : null }.Where(name => name is not null));
            body.Append($"""<tr><th scope="row"{(classes.Length > 0 ? $" class=\"{classes}\"" : "")}>{Encode(language.Pick(row.Row.Chinese, row.Row.English))}</th>""");
            foreach (var cell in row.Cells)
                body.Append(Cell(cell, text));
            body.Append("</tr>");
        }
        body.Append("</tbody></table></div>");
        body.Append(Notes(language, table.Period));
        return Html(language, Section.Statistics, Path(table.Period), text.HeadingFor(name), body.ToString());
    }

    /// <summary>The page without a table: the form again, with why there is none.</summary>
    public static string Refusal(Language language, string? asked, string message, StatisticsPeriod? period, Func<StatisticsPeriod, bool> hasEnded)
    {
        var text = StatisticsText.For(language);
        var body = new StringBuilder();
        body.Append(Introduction(language, asked));
        body.Append($"""<p class="notice" role="alert">{Encode(message)}</p>""");
        if (period is not null)
            body.Append(Neighbours(language, period, hasEnded));
        return Html(language, Section.Statistics, period is null ? "/statistics" : Path(period), text.Heading, body.ToString());
    }

    private static string Introduction(Language language, string? asked)
    {
        var text = StatisticsText.For(language);
        var languageField = language == Language.English ? """<input type="hidden" name="lang" value="en">""" : "";
        return $"""
            <p>{Encode(text.Intro)}</p>
            <form method="get" action="/statistics">{languageField}<label for="period">{Encode(text.PeriodLabel)}</label><input type="text" id="period" name="period" value="{Encode(asked)}" aria-describedby="period-hint" autocomplete="off" spellcheck="false"><button type="submit">{Encode(text.Show)}</button><p class="hint" id="period-hint">{Encode(text.PeriodHint)}</p></form>
            """;
    }

    /// <summary>Links to the periods around this one that have ended: the one before and after, its quarter and its year.</summary>
    private static string Neighbours(Language language, StatisticsPeriod period, Func<StatisticsPeriod, bool> hasEnded)
    {
        var text = StatisticsText.For(language);
        var links = new List<(string Label, StatisticsPeriod Period)>();
        if (period.Previous() is { } previous)
            links.Add((text.Previous, previous));
        if (period.Next() is { } next)
            links.Add((text.Next, next));
        if (period.QuarterOf() is { } quarter)
            links.Add((text.WholeQuarter, quarter));
        if (period.Month is not null || period.Quarter is not null)
            links.Add((text.WholeYear, period.YearOf()));
        else
            links.AddRange(Enumerable.Range(1, 4).Select(number => new StatisticsPeriod(period.Year, number, null)).Select(each => (StatisticsText.NameOf(each, language), each)));
        var items = links.Where(link => hasEnded(link.Period))
            .Select(link => $"""<li><a href="{Encode(language.Link(Path(link.Period)))}">{Encode(link.Label)}<span class="sr">: </span> <span class="period">{Encode(StatisticsText.NameOf(link.Period, language))}</span></a></li>""");
        return $"""<nav aria-label="{Encode(text.OtherPeriods)}"><ul class="periods">{string.Concat(items)}</ul></nav>""";
    }

    private static string Cell(PublishedCell cell, StatisticsText text) => cell.Mark switch
    {
        CellMark.Published => $"<td>{cell.Value!.Value.ToString(CultureInfo.InvariantCulture)}</td>",
        CellMark.Small => $"""<td class="marked">{Encode(StatisticsJson.Small)}</td>""",
        _ => $"""<td class="marked"><span aria-hidden="true">{StatisticsJson.Withheld}</span><span class="sr">{Encode(text.WithheldSpoken)}</span></td>""",
    };

    private static string Notes(Language language, StatisticsPeriod period)
    {
        var text = StatisticsText.For(language);
        var json = $"/api/statistics?period={period.Key}";
        return $"""
            <section aria-labelledby="notes"><h2 id="notes">{Encode(text.NotesHeading)}</h2>
            <dl class="markers"><dt>{Encode(StatisticsJson.Small)}</dt><dd>{Encode(text.SmallMeaning)}</dd><dt>{StatisticsJson.Withheld}</dt><dd>{Encode(text.WithheldMeaning)}</dd></dl>
            <ul><li>{Encode(text.SumsNote)}</li><li>{Encode(text.CountingNote)}</li><li>{Encode(text.SanctionsNote)}</li><li>{Encode(text.JsonNote)} <a href="{Encode(json)}">{Encode(json)}</a></li></ul>
            </section>
            """;
    }

    private static int Depth(StatisticsRow row, IReadOnlyList<PublishedRow> rows)
    {
        var depth = 0;
        for (var parent = row.PartOf; parent is not null; parent = rows.Single(other => other.Row.Key == parent).Row.PartOf)
            depth++;
        return depth;
    }
}
