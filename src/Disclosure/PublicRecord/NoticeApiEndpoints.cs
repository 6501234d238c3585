using System.Text;
using System.Text.Json;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Reporting.Disclosure.Log;
using Reporting.Disclosure.Notices;
using Reporting.Disclosure.Notices.Listing;
using Reporting.Disclosure.Publication;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.PublicRecord;

/// <summary>
/// The public JSON API of the contract, and the files of the export's layout served live (each notice version's exact
/// bytes, signature and tlog-proof; the log's checkpoints, tiles and bundles), so that one verifier reads a host and
/// an exported folder alike. Anonymous, cookieless, cacheable.
/// </summary>
internal static class NoticeApiEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/notices").WithTags("Notices (public)").AllowAnonymous();
        api.MapGet("", ListAsync);
        api.MapGet("/{noticeId:guid}", GetAsync);
        api.MapGet("/keys", (DisclosureKeyring keyring, HttpContext http) => PublicCaching.Json(http, keyring.Document(), TimeSpan.FromMinutes(5)));
        api.MapGet("/log/consistency", ConsistencyAsync);

        var files = endpoints.MapGroup("").WithTags("Notices (public)").AllowAnonymous();
        files.MapGet("/notices/{noticeId:guid}/v{version:int}.json", (Guid noticeId, int version, HttpContext http, PublishedNotices notices, CancellationToken ct) =>
            VersionFileAsync(noticeId, version, http, notices, v => (v.Version.Notice, "application/json"), ct));
        files.MapGet("/notices/{noticeId:guid}/v{version:int}.sig", (Guid noticeId, int version, HttpContext http, PublishedNotices notices, CancellationToken ct) =>
            VersionFileAsync(noticeId, version, http, notices, v => (v.Version.Signature, "application/octet-stream"), ct));
        files.MapGet("/notices/{noticeId:guid}/v{version:int}.tlog-proof", (Guid noticeId, int version, HttpContext http, PublishedNotices notices, CancellationToken ct) =>
            VersionFileAsync(noticeId, version, http, notices, v => (Encoding.UTF8.GetBytes(v.TlogProof), "text/plain; charset=utf-8"), ct));
        files.MapGet("/notices/index.json", IndexAsync);
        files.MapGet("/notices-log/checkpoint", CheckpointAsync);
        files.MapGet("/notices-log/checkpoints/{size:long}", CheckpointOfSizeAsync);
        files.MapGet("/notices-log/tile/{**path}", TileAsync);
        files.MapGet("/notices-log/keys.json", (DisclosureKeyring keyring, HttpContext http) => PublicCaching.Json(http, keyring.Document(), TimeSpan.FromMinutes(5)));
        files.MapGet("/notices-log/policy", (DisclosureKeyring keyring, HttpContext http) =>
            PublicCaching.Bytes(http, Encoding.UTF8.GetBytes(LogPolicy.Text(keyring)), "text/plain; charset=utf-8", TimeSpan.FromMinutes(5)));
    }

    private static async Task<IResult> ListAsync(
        string? q, string? organization, string? category, string? sanction, DateOnly? from, DateOnly? to, int? page, HttpContext http, NoticeSearch search, CancellationToken cancellationToken)
    {
        if (page is < 1 or > 10_000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["a page number from 1"] });
        var result = await search.FindAsync(new NoticeQuery(q, organization, category, sanction, from, to, page ?? 1), cancellationToken);
        return PublicCaching.Json(http, new
        {
            items = result.Items.Select(NoticeListItem.Of),
            total = result.Total,
            page = result.Page,
            pageSize = result.PageSize,
        }, TimeSpan.FromSeconds(60));
    }

    private static async Task<IResult> GetAsync(Guid noticeId, HttpContext http, PublishedNotices notices, DisclosureKeyring keyring, CancellationToken cancellationToken)
    {
        if (await notices.FindAsync(noticeId, cancellationToken) is not { } notice)
            return NotFound();
        return PublicCaching.Json(http, new
        {
            notice = JsonDocument.Parse(notice.Current.Version.Notice).RootElement,
            signature = Signature(notice.Current.Version),
            record = Convert.ToBase64String(notice.Current.Version.Record),
            tlogProof = notice.Current.TlogProof,
            checkpoint = notice.Log.CheckpointNote,
            logIndex = notice.Current.Version.LogIndex,
            leafHash = Convert.ToBase64String(notice.Current.Version.LeafHash),
            versions = notice.Versions.Select(version => new
            {
                version = version.Version.Version,
                kind = version.Version.RecordKind,
                publishedAt = version.Version.At,
                notice = JsonDocument.Parse(version.Version.Notice).RootElement,
                signature = Signature(version.Version),
                record = Convert.ToBase64String(version.Version.Record),
                logIndex = version.Version.LogIndex,
                leafHash = Convert.ToBase64String(version.Version.LeafHash),
                tlogProof = version.TlogProof,
            }),
        }, TimeSpan.FromSeconds(60));
    }

    private static object Signature(NoticeVersionPublished version) =>
        new { keyId = version.NoticeKeyId, algorithm = "Ed25519", value = Convert.ToBase64String(version.Signature) };

    private static async Task<IResult> ConsistencyAsync(long? from, long? to, HttpContext http, LogView log, CancellationToken cancellationToken)
    {
        var snapshot = await log.CurrentAsync(cancellationToken);
        var newSize = to ?? snapshot.Size;
        if (from is not { } oldSize || oldSize < 0 || oldSize > newSize || newSize > snapshot.Size)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["from"] = [$"tree sizes with 0 ≤ from ≤ to ≤ {snapshot.Size}, the log's size"],
            });
        var proof = ConsistencyProof.Make(snapshot.LeafHashes, oldSize, newSize);
        return PublicCaching.Json(http, new { from = oldSize, to = newSize, proof = proof.Select(Convert.ToBase64String) }, TimeSpan.FromDays(365), immutable: true);
    }

    /// <summary>Every published version the site shows, so that a verifier can look for one the log does not announce.</summary>
    private static async Task<IResult> IndexAsync(HttpContext http, IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var published = await session.Query<NoticeSummary>().Where(summary => summary.Published).OrderBy(summary => summary.Id).ToListAsync(cancellationToken);
        return PublicCaching.Json(http, published.SelectMany(summary => Enumerable.Range(1, summary.CurrentVersion)
            .Select(version => new { noticeId = summary.Id, version })), TimeSpan.FromSeconds(60));
    }

    private static async Task<IResult> CheckpointAsync(HttpContext http, LogView log, CancellationToken cancellationToken)
    {
        var snapshot = await log.CurrentAsync(cancellationToken);
        return snapshot.CheckpointNote is { } note
            ? PublicCaching.Bytes(http, Encoding.UTF8.GetBytes(note), "text/plain; charset=utf-8", TimeSpan.FromSeconds(10))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "Nothing has been published yet, so the log has no checkpoint.");
    }

    private static async Task<IResult> CheckpointOfSizeAsync(long size, HttpContext http, IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<SignedCheckpoint>(size, cancellationToken) is { } checkpoint
            ? PublicCaching.Bytes(http, Encoding.UTF8.GetBytes(checkpoint.Note), "text/plain; charset=utf-8", TimeSpan.FromDays(365), immutable: true)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "The log signed no checkpoint of this size.");
    }

    private static async Task<IResult> TileAsync(string path, HttpContext http, LogView log, CancellationToken cancellationToken)
    {
        if (!TilePath.TryParse(path, out var tile, out var entries))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "Not a tile path: tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>].");
        var snapshot = await log.CurrentAsync(cancellationToken);
        // A tile (full, or partial of width W) is served once the log holds every leaf it covers: its bytes never change.
        var leavesNeeded = (tile.FirstHash + tile.Width) * tile.LeavesPerHash;
        if (leavesNeeded > snapshot.Size)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "The log is not that large yet.");
        var bytes = entries
            ? EntryBundle.Encode(snapshot.Entries.Skip((int)tile.FirstHash).Take(tile.Width))
            : new TileHashes(snapshot.LeafHashes).For(tile);
        return PublicCaching.Bytes(http, bytes, "application/octet-stream", TimeSpan.FromDays(365), immutable: true);
    }

    private static async Task<IResult> VersionFileAsync(
        Guid noticeId, int version, HttpContext http, PublishedNotices notices, Func<ProvedVersion, (byte[] Bytes, string ContentType)> file, CancellationToken cancellationToken)
    {
        if (await notices.FindAsync(noticeId, cancellationToken) is not { } notice || notice.Versions.FirstOrDefault(v => v.Version.Version == version) is not { } proved)
            return NotFound();
        var (bytes, contentType) = file(proved);
        // The signed bytes never change; a tlog-proof is renewed against each newer checkpoint.
        var immutable = contentType != "text/plain; charset=utf-8";
        return PublicCaching.Bytes(http, bytes, contentType, immutable ? TimeSpan.FromDays(365) : TimeSpan.FromSeconds(60), immutable);
    }

    private static IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No published notice has this id.");
}
