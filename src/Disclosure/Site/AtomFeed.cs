using System.Xml.Linq;
using Reporting.Disclosure.Notices.Listing;
using Reporting.Disclosure.Publication;

namespace Reporting.Disclosure.Site;

/// <summary>
/// <c>GET /notices/feed.atom</c>: RFC 4287 Atom of the newest notices. Each entry also carries its log index and leaf
/// hash in an extension namespace, so that a feed reader's archive can be checked against the log.
/// </summary>
internal static class AtomFeed
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static string Render(string publicBaseUrl, string origin, IReadOnlyList<(NoticeSummary Summary, long LogIndex, byte[] LeafHash)> notices)
    {
        XNamespace log = $"https://{origin}/ns/record";
        var baseUrl = publicBaseUrl.TrimEnd('/');
        var updated = notices.Count == 0 ? DateTimeOffset.UnixEpoch : notices.Max(notice => notice.Summary.LastPublishedAt!.Value);
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xmlns + "log", log.NamespaceName),
            new XAttribute(XNamespace.Xml + "lang", "zh-CN"),
            new XElement(Atom + "id", $"{baseUrl}/notices/feed.atom"),
            new XElement(Atom + "title", "处分通报 · Published disposition notices"),
            new XElement(Atom + "updated", NoticeDocument.Time(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", origin)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{baseUrl}/notices/feed.atom")),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}/notices")),
            notices.Select(notice => new XElement(Atom + "entry",
                new XElement(Atom + "id", $"urn:uuid:{notice.Summary.Id}"),
                new XElement(Atom + "title", notice.Summary.Content!.Headline),
                new XElement(Atom + "published", NoticeDocument.Time(notice.Summary.FirstPublishedAt!.Value)),
                new XElement(Atom + "updated", NoticeDocument.Time(notice.Summary.LastPublishedAt!.Value)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{baseUrl}/notices/{notice.Summary.Id}")),
                new XElement(Atom + "summary", Summary(notice.Summary.Content.Body)),
                new XElement(log + "index", notice.LogIndex),
                new XElement(log + "leafHash", Convert.ToBase64String(notice.LeafHash)))));
        return new XDeclaration("1.0", "utf-8", null) + "\n" + feed;
    }

    private static string Summary(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
