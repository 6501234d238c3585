using Marten;
using Marten.Linq.MatchesSql;
using Marten.Pagination;
using Reporting.Disclosure.Notices;
using Reporting.Disclosure.Notices.Listing;
using Reporting.Disclosure.Search;

namespace Reporting.Disclosure.PublicRecord;

/// <param name="Q">Free text; Chinese is matched as character pairs side by side, each space-separated term as a phrase.</param>
internal sealed record NoticeQuery(string? Q, string? Organization, string? Category, string? Sanction, DateOnly? From, DateOnly? To, int Page);

internal sealed record NoticeResults(IReadOnlyList<NoticeSummary> Items, long Total, int Page, int PageSize);

/// <summary>
/// The public notice list: published, not withdrawn, newest first, filtered and paged. The text search is a phrase
/// query on the <c>simple</c> full-text index of <see cref="NoticeSummary.SearchText"/> (docs/decisions.md, "Search").
/// </summary>
internal sealed class NoticeSearch(IDocumentStore store)
{
    public const int PageSize = 20;
    private const int LongestTerm = 50;

    public async Task<NoticeResults> FindAsync(NoticeQuery query, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var notices = session.Query<NoticeSummary>().Where(notice => notice.Published && !notice.Withdrawn);
        foreach (var term in Terms(query.Q))
            notices = notices.Where(notice => notice.MatchesSql("to_tsvector('simple', d.data ->> 'searchText') @@ phraseto_tsquery('simple', ?)", term));
        if (!string.IsNullOrWhiteSpace(query.Organization))
            notices = notices.Where(notice => notice.Organization == query.Organization.Trim());
        if (!string.IsNullOrWhiteSpace(query.Category))
            notices = notices.Where(notice => notice.Categories.Contains(query.Category));
        if (!string.IsNullOrWhiteSpace(query.Sanction))
            notices = notices.Where(notice => notice.Sanctions.Contains(query.Sanction));
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            notices = notices.Where(notice => notice.FirstPublishedAt >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            notices = notices.Where(notice => notice.FirstPublishedAt < end);
        }
        var page = await notices.OrderByDescending(notice => notice.FirstPublishedAt).ThenBy(notice => notice.Id)
            .ToPagedListAsync(query.Page, PageSize, cancellationToken);
        return new NoticeResults([.. page], page.TotalItemCount, query.Page, PageSize);
    }

    /// <summary>Each space-separated term as its words, at most five terms, each cut to a sane length.</summary>
    public static IReadOnlyList<string> Terms(string? q) =>
        [.. (q ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(5).Select(term => ChineseBigrams.Words(term.Length > LongestTerm ? term[..LongestTerm] : term)).Where(words => words.Length > 0)];

    /// <summary>The organizations that published notices name, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> OrganizationsAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var organizations = await session.Query<NoticeSummary>().Where(notice => notice.Published && !notice.Withdrawn && notice.Organization != null)
            .Select(notice => notice.Organization!).Distinct().ToListAsync(cancellationToken);
        return [.. organizations.Order(StringComparer.Ordinal)];
    }
}

internal sealed record NoticeListItem(
    Guid NoticeId, string Kind, int Version, string Headline, NoticeSubject Subject, IReadOnlyList<string> Categories, IReadOnlyList<string> Sanctions,
    DateTimeOffset? PublishedAt, DateTimeOffset? UpdatedAt)
{
    public static NoticeListItem Of(NoticeSummary summary) => new(
        summary.Id, summary.Kind, summary.CurrentVersion, summary.Content!.Headline, summary.Content.Subject, summary.Categories, summary.Sanctions,
        summary.FirstPublishedAt, summary.LastPublishedAt);
}
