using System.Globalization;
using System.Text;
using Reporting.Disclosure.PublicRecord;
using Reporting.Intake.Contracts;
using static Reporting.Disclosure.Site.PublicPage;

namespace Reporting.Disclosure.Site;

/// <summary>
/// <c>GET /notices</c>: the published notices, newest first, with a search form that works without script (GET, so
/// that a search is a link) and link-based paging.
/// </summary>
internal static class NoticeListPage
{
    public static string Render(Language language, NoticeQuery query, NoticeResults page, IReadOnlyList<string> organizations)
    {
        var body = new StringBuilder();
        body.Append($"""<p>{language.Pick("以下为本机关依规依纪依法公开的处分通报、澄清正名通报和立案审查调查信息。", "Disposition notices, clarifications and notices of filed cases that this commission has published.")}</p>""");
        body.Append(Filters(language, query, organizations));
        var first = (page.Page - 1) * page.PageSize + 1;
        var last = first + page.Items.Count - 1;
        body.Append("""<h2 id="results">""").Append(language.Pick("通报列表", "Notices")).Append("</h2>");
        if (page.Items.Count == 0)
            body.Append($"""<p role="status">{language.Pick("没有符合条件的通报。", "No notice matches.")}</p>""");
        else
        {
            body.Append($"""<p role="status">{language.Pick($"第 {first}–{last} 条，共 {page.Total} 条", $"Items {first}–{last} of {page.Total}")}</p>""");
            body.Append("""<ol class="results">""");
            foreach (var notice in page.Items)
            {
                var sanctions = string.Join(language.Pick("、", ", "), notice.Sanctions.Select(sanction => Labels.Sanction(language, sanction)));
                body.Append($"""
                    <li><a href="{language.Link($"/notices/{notice.Id}")}" lang="zh-CN">{Encode(notice.Content!.Headline)}</a>
                    <p class="meta">{Labels.NoticeKind(language, notice.Kind)} · {language.Pick("发布于", "Published")} <time datetime="{Date(notice.FirstPublishedAt)}">{Date(notice.FirstPublishedAt)}</time>{(notice.CurrentVersion > 1 ? " · " + language.Pick($"已更正（第 {notice.CurrentVersion} 版）", $"corrected (version {notice.CurrentVersion})") : "")}{(sanctions.Length > 0 ? " · " + Encode(sanctions) : "")}</p></li>
                    """);
            }
            body.Append("</ol>");
        }
        body.Append(Pager(language, query, page));
        return PublicPage.Html(language, Section.Notices, QueryString(query, query.Page), language.Pick("处分通报", "Published notices"), body.ToString(), "/notices/feed.atom");
    }

    private static string Filters(Language language, NoticeQuery query, IReadOnlyList<string> organizations)
    {
        var form = new StringBuilder();
        form.Append($"""<form class="filters" method="get" action="/notices" role="search" aria-label="{language.Pick("检索通报", "Search notices")}">""");
        if (language == Language.English)
            form.Append("""<input type="hidden" name="lang" value="en">""");
        form.Append($"""<div><label for="q">{language.Pick("关键词", "Words")}</label><input type="search" id="q" name="q" value="{Encode(query.Q)}" maxlength="100"></div>""");
        form.Append(Select(language, "organization", language.Pick("单位", "Organization"), query.Organization, organizations.Select(o => (o, o))));
        form.Append(Select(language, "category", language.Pick("违纪类别", "Category"), query.Category,
            ReportCategories.All.Select(category => (category.Code, language.Pick(category.Chinese, category.English)))));
        form.Append(Select(language, "sanction", language.Pick("处分种类", "Sanction"), query.Sanction,
            Notices.SanctionNames.All.Select(s => ($"{s.Kind}:{s.Type}", Labels.Sanction(language, $"{s.Kind}:{s.Type}")))));
        form.Append($"""<div><label for="from">{language.Pick("发布日期自", "Published from")}</label><input type="date" id="from" name="from" value="{query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"></div>""");
        form.Append($"""<div><label for="to">{language.Pick("至", "to")}</label><input type="date" id="to" name="to" value="{query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"></div>""");
        form.Append($"""<div><button type="submit">{language.Pick("检索", "Search")}</button></div>""");
        form.Append("</form>");
        return form.ToString();
    }

    private static string Select(Language language, string name, string label, string? selected, IEnumerable<(string Value, string Text)> options)
    {
        var html = new StringBuilder($"""<div><label for="{name}">{label}</label><select id="{name}" name="{name}"><option value="">{language.Pick("全部", "All")}</option>""");
        foreach (var (value, text) in options)
            html.Append($"""<option value="{Encode(value)}"{(value == selected ? " selected" : "")}>{Encode(text)}</option>""");
        return html.Append("</select></div>").ToString();
    }

    private static string Pager(Language language, NoticeQuery query, NoticeResults page)
    {
        var pages = (int)Math.Max(1, (page.Total + page.PageSize - 1) / page.PageSize);
        if (pages == 1)
            return "";
        var links = new StringBuilder($"""<nav class="pager" aria-label="{language.Pick("翻页", "Pages")}">""");
        if (page.Page > 1)
            links.Append($"""<a href="{Encode(language.Link(QueryString(query, page.Page - 1)))}" rel="prev">{language.Pick("上一页", "Previous page")}</a>""");
        links.Append($"""<span>{language.Pick($"第 {page.Page} 页，共 {pages} 页", $"Page {page.Page} of {pages}")}</span>""");
        if (page.Page < pages)
            links.Append($"""<a href="{Encode(language.Link(QueryString(query, page.Page + 1)))}" rel="next">{language.Pick("下一页", "Next page")}</a>""");
        return links.Append("</nav>").ToString();
    }

    /// <summary>The list's path with its filters, for paging links and the language switch.</summary>
    private static string QueryString(NoticeQuery query, int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("q", query.Q);
        Add("organization", query.Organization);
        Add("category", query.Category);
        Add("sanction", query.Sanction);
        Add("from", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (page > 1)
            Add("page", page.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "/notices" : "/notices?" + string.Join('&', parts);
    }
}
