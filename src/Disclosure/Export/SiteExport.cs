using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Disclosure.Log;
using Reporting.Disclosure.Notices.Listing;
using Reporting.Disclosure.Publication;
using Reporting.Disclosure.PublicRecord;
using Reporting.Disclosure.Site;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Export;

/// <summary>
/// <c>reporting disclosure export --out DIR</c>: the whole public record as static files, laid out as transparency.md
/// says, for any web server or CDN: the log (checkpoint, every checkpoint ever signed, tiles with every partial tile
/// ever checkpointed, entry bundles, policy, keys), each notice version's bytes, signature and tlog-proof, the list of
/// notices, and the public pages. Files are written beside the old ones and never removed, since tiles and versions,
/// once published, stay.
/// </summary>
public static class SiteExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Html(string page) => Encoding.UTF8.GetBytes(page);

    public static async Task<ExportSummary> WriteAsync(IServiceProvider services, string directory, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var log = services.GetRequiredService<LogView>();
        var keyring = services.GetRequiredService<DisclosureKeyring>();
        var notices = services.GetRequiredService<PublishedNotices>();
        log.Invalidate();
        var snapshot = await log.CurrentAsync(cancellationToken);
        var files = 0;

        async Task WriteAsync(string path, byte[] bytes)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, bytes, cancellationToken);
            files++;
        }

        await using var session = store.QuerySession();
        var checkpoints = await session.Query<SignedCheckpoint>().OrderBy(checkpoint => checkpoint.Id).ToListAsync(cancellationToken);
        foreach (var checkpoint in checkpoints)
            await WriteAsync($"notices-log/checkpoints/{checkpoint.Id}", Encoding.UTF8.GetBytes(checkpoint.Note));
        if (snapshot.CheckpointNote is { } newest)
            await WriteAsync("notices-log/checkpoint", Encoding.UTF8.GetBytes(newest));
        foreach (var (path, content) in TileWriter.FilesToPublish(snapshot.LeafHashes, snapshot.Entries, checkpoints.Select(checkpoint => checkpoint.Id)))
            await WriteAsync($"notices-log/{path}", content);
        await WriteAsync("notices-log/keys.json", JsonSerializer.SerializeToUtf8Bytes(keyring.Document(), Json));
        await WriteAsync("notices-log/policy", Encoding.UTF8.GetBytes(LogPolicy.Text(keyring)));

        var published = await session.Query<NoticeSummary>().Where(summary => summary.Published).OrderBy(summary => summary.Id).ToListAsync(cancellationToken);
        var index = new List<object>();
        var versions = 0;
        foreach (var summary in published)
        {
            var notice = (await notices.FindAsync(summary.Id, cancellationToken))!;
            foreach (var proved in notice.Versions)
            {
                var path = $"notices/{summary.Id}/v{proved.Version.Version}";
                await WriteAsync(path + ".json", proved.Version.Notice);
                await WriteAsync(path + ".sig", proved.Version.Signature);
                await WriteAsync(path + ".tlog-proof", Encoding.UTF8.GetBytes(proved.TlogProof));
                index.Add(new { noticeId = summary.Id, version = proved.Version.Version });
                versions++;
            }
        }
        await WriteAsync("notices/index.json", JsonSerializer.SerializeToUtf8Bytes(index, Json));

        // The pages in Chinese, the site's language, rendered exactly as the host renders them.
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DisclosureOptions>>().Value;
        var search = services.GetRequiredService<NoticeSearch>();
        var firstPage = new NoticeQuery(null, null, null, null, null, null, 1);
        await WriteAsync("notices/index.html", Html(NoticeListPage.Render(Language.Chinese, firstPage,
            await search.FindAsync(firstPage, cancellationToken), await search.OrganizationsAsync(cancellationToken))));
        foreach (var summary in published)
            await WriteAsync($"notices/{summary.Id}/index.html", Html(NoticePage.Render(Language.Chinese, (await notices.FindAsync(summary.Id, cancellationToken))!)));
        await WriteAsync("verify/index.html", Html(VerifyPage.Render(Language.Chinese, options.PublicBaseUrl, options.LogOrigin)));
        await WriteAsync("verify/tlogverify.go", VerifierSource.Bytes);
        await WriteAsync("disclosure.css", Stylesheet.Css);
        await WriteAsync("notices/feed.atom", Html(await SiteEndpoints.FeedAsync(store, options, cancellationToken)));
        await WriteAsync("nginx-disclosure.conf", Encoding.UTF8.GetBytes(NginxSnippet.Text));
        return new ExportSummary(snapshot.Size, checkpoints.Count, published.Count, versions, files);
    }
}

public sealed record ExportSummary(long TreeSize, int Checkpoints, int Notices, int Versions, int Files);
