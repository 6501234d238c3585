using System.Text;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Reporting.Disclosure.Notices.Listing;
using Reporting.Disclosure.PublicRecord;

namespace Reporting.Disclosure.Site;

/// <summary>The public site's pages: the notice list, each notice, the feed and the verification guide.</summary>
internal static class SiteEndpoints
{
    private const string Html = "text/html; charset=utf-8";
    private static readonly TimeSpan PageAge = TimeSpan.FromSeconds(60);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var site = endpoints.MapGroup("").WithTags("Public site").AllowAnonymous().ExcludeFromDescription();
        site.MapGet("/notices", ListAsync);
        site.MapGet("/notices/{noticeId:guid}", NoticeAsync);
        site.MapGet("/notices/feed.atom", ServeFeedAsync);
        site.MapGet("/verify", (HttpContext http, IOptions<DisclosureOptions> options, RenderedPages pages, CancellationToken ct) =>
            PageAsync(http, pages, () => Task.FromResult<string?>(VerifyPage.Render(Languages.From(http.Request.Query), options.Value.PublicBaseUrl, options.Value.LogOrigin)), ct));
        site.MapGet("/verify/tlogverify.go", (HttpContext http) => PublicCaching.Bytes(http, VerifierSource.Bytes, "text/plain; charset=utf-8", TimeSpan.FromHours(1)));
    }

    private static async Task<IResult> ListAsync(
        string? q, string? organization, string? category, string? sanction, string? from, string? to, string? page,
        HttpContext http, NoticeSearch search, RenderedPages pages, CancellationToken cancellationToken)
    {
        var language = Languages.From(http.Request.Query);
        // A hand-edited link with a bad date or page gets the list without that filter, not an error page.
        var query = new NoticeQuery(q, organization, category, sanction, ParseDate(from), ParseDate(to),
            int.TryParse(page, out var number) && number is >= 1 and <= 10_000 ? number : 1);
        return await PageAsync(http, pages, async () =>
        {
            var found = await search.FindAsync(query, cancellationToken);
            return NoticeListPage.Render(language, query, found, await search.OrganizationsAsync(cancellationToken));
        }, cancellationToken);
    }

    private static async Task<IResult> NoticeAsync(Guid noticeId, HttpContext http, PublishedNotices notices, RenderedPages pages, CancellationToken cancellationToken) =>
        await PageAsync(http, pages, async () =>
            await notices.FindAsync(noticeId, cancellationToken) is { } notice ? NoticePage.Render(Languages.From(http.Request.Query), notice) : null,
            cancellationToken);

    private static async Task<IResult> ServeFeedAsync(HttpContext http, IDocumentStore store, IOptions<DisclosureOptions> options, RenderedPages pages, CancellationToken cancellationToken)
    {
        var feed = await pages.GetAsync("/notices/feed.atom", async () => await FeedAsync(store, options.Value, cancellationToken), cancellationToken);
        return PublicCaching.Bytes(http, feed!.Bytes, "application/atom+xml; charset=utf-8", PageAge, etag: feed.ETag);
    }

    /// <summary>The newest fifty notices as Atom, for the host and the export alike.</summary>
    public static async Task<string> FeedAsync(IDocumentStore store, DisclosureOptions options, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var newest = await session.Query<NoticeSummary>().Where(summary => summary.Published && !summary.Withdrawn)
            .OrderByDescending(summary => summary.LastPublishedAt).Take(50).ToListAsync(cancellationToken);
        return AtomFeed.Render(options.PublicBaseUrl, options.LogOrigin, [.. newest.Select(summary => (summary, summary.LogIndex ?? 0, summary.LeafHash ?? []))]);
    }

    private static async Task<IResult> PageAsync(HttpContext http, RenderedPages pages, Func<Task<string?>> render, CancellationToken cancellationToken)
    {
        var key = http.Request.Path + http.Request.QueryString;
        var page = await pages.GetAsync(key, render, cancellationToken);
        if (page is null)
        {
            var language = Languages.From(http.Request.Query);
            var notFound = PublicPage.Html(language, Section.Notices, http.Request.Path, language.Pick("未找到", "Not found"),
                $"""<p role="status">{language.Pick("没有这条已发布的通报。", "There is no published notice at this address.")}</p><p><a href="{language.Link("/notices")}">{language.Pick("返回通报列表", "Back to the notices")}</a></p>""");
            return TypedResults.Content(notFound, Html, Encoding.UTF8, StatusCodes.Status404NotFound);
        }
        return PublicCaching.Bytes(http, page.Bytes, Html, PageAge, etag: page.ETag);
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}
