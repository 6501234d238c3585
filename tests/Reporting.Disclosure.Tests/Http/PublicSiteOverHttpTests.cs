using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Reporting.Testing;

namespace Reporting.Disclosure.Tests.Http;

/// <summary>
/// The public site over HTTP: anonymous, cookieless, cacheable answers the same for every reader, both languages,
/// a feed that is RFC 4287 Atom carrying each entry's log index and leaf hash, and nothing of a draft.
/// </summary>
public sealed class PublicSiteOverHttpTests(DisclosureHost host) : IClassFixture<DisclosureHost>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Pages_are_the_same_for_every_reader_cacheable_by_etag_and_set_no_cookie()
    {
        var (noticeId, _) = await host.PublishedSanctionAsync();
        foreach (var path in new[] { "/notices", "/notices?lang=en", $"/notices/{noticeId}", $"/notices/{noticeId}?lang=en", "/verify", "/notices/feed.atom", $"/api/notices/{noticeId}", "/notices-log/checkpoint" })
        {
            var first = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.False(first.Headers.Contains("Set-Cookie"), path);
            Assert.True(first.Headers.CacheControl?.Public, $"{path}: {first.Headers.CacheControl}");
            var etag = first.Headers.ETag!;

            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(etag);
            var conditional = await host.Client.SendAsync(again);

            Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
        }
    }

    [Fact]
    public async Task The_feed_is_atom_with_the_required_elements_and_each_entry_names_its_log_record()
    {
        var (noticeId, _) = await host.PublishedSanctionAsync();
        var published = await host.PublicJsonAsync($"/api/notices/{noticeId}");

        var response = await host.Client.GetAsync(new Uri("/notices/feed.atom", UriKind.Relative));
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
            Assert.Single(feed.Elements(Atom + required));
        Assert.Contains(feed.Elements(Atom + "link"), link => (string?)link.Attribute("rel") == "self");
        var entry = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{noticeId}");
        foreach (var required in new[] { "title", "updated", "link", "summary" })
            Assert.NotNull(entry.Element(Atom + required));
        Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
        var extensions = entry.Elements().Where(element => element.Name.Namespace != Atom).ToDictionary(element => element.Name.LocalName, element => element.Value);
        Assert.Equal(published.GetProperty("logIndex").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), extensions["index"]);
        Assert.Equal(published.GetProperty("leafHash").GetString(), extensions["leafHash"]);
    }

    [Fact]
    public async Task A_draft_and_an_unknown_notice_are_not_found_and_bad_filters_change_nothing()
    {
        var (_, caseId) = await host.ClosedDecidedCaseAsync();
        var draftId = await host.DraftAsync(DisclosureHost.SanctionDraft(caseId, headline: "尚未审核的草稿标题"));

        var draftPage = await host.Client.GetAsync(new Uri($"/notices/{draftId}", UriKind.Relative));
        var draftFile = await host.Client.GetAsync(new Uri($"/notices/{draftId}/v1.json", UriKind.Relative));
        var list = await host.Client.GetStringAsync(new Uri("/notices?page=abc&from=tomorrow", UriKind.Relative));
        var api = await host.Client.GetStringAsync(new Uri("/api/notices", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, draftPage.StatusCode);
        Assert.Equal("text/html", draftPage.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, draftFile.StatusCode);
        Assert.DoesNotContain("尚未审核的草稿标题", list);
        Assert.DoesNotContain("尚未审核的草稿标题", api);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync(new Uri("/api/notices?page=0", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Markup_in_a_notice_is_shown_escaped()
    {
        var (noticeId, _) = await host.PublishedSanctionAsync(body: "经查<script>alert(1)</script>张三收受礼金。");

        var page = await host.Client.GetStringAsync(new Uri($"/notices/{noticeId}", UriKind.Relative));

        Assert.DoesNotContain("<script>", page);
        Assert.Contains("&lt;script&gt;", page);
    }

    [Fact]
    public async Task Tiles_and_bundles_are_served_for_the_log_as_it_stands_and_refused_beyond_it()
    {
        await host.PublishedSanctionAsync();
        var keys = await host.PublicJsonAsync("/api/notices/keys");
        var checkpoint = await host.Client.GetStringAsync(new Uri("/notices-log/checkpoint", UriKind.Relative));
        var size = long.Parse(checkpoint.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture);

        var tile = await host.Client.GetAsync(new Uri($"/notices-log/tile/0/000.p/{size}", UriKind.Relative));
        var bundle = await host.Client.GetAsync(new Uri($"/notices-log/tile/entries/000.p/{size}", UriKind.Relative));
        var beyond = await host.Client.GetAsync(new Uri("/notices-log/tile/0/000", UriKind.Relative));
        var misspelt = await host.Client.GetAsync(new Uri("/notices-log/tile/0/0.p/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        Assert.Equal(size * 32, (await tile.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("application/octet-stream", tile.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", tile.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, misspelt.StatusCode);
        Assert.Equal("text/plain", (await host.Client.GetAsync(new Uri("/notices-log/checkpoint", UriKind.Relative))).Content.Headers.ContentType!.MediaType);
        Assert.NotEmpty(keys.GetProperty("log").EnumerateArray());
    }
}
