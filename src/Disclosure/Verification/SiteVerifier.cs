using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using Reporting.Disclosure.Canonical;
using Reporting.Disclosure.Publication;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Verification;

/// <summary>
/// Checks a published site as any outsider could (transparency.md, "How an outsider verifies"), from its files alone:
/// the checkpoint's signature; the tree recomputed from the entry bundles and the hash tiles against its root; every
/// record's version chain; every notice version's bytes against its record's hash, its canonical form and its
/// signature; every notice the site lists having a record; and, given a checkpoint saved earlier, that the log still
/// contains the tree it signed then.
/// </summary>
public sealed class SiteVerifier(SiteSource site, string logPrefix = "notices-log")
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <param name="trustedLogKeys">The log's vkeys as learned out of band; without them, the site's own keys.json is used (trust on first use), and the report says so.</param>
    /// <param name="savedCheckpoint">A checkpoint note saved earlier (by an auditor, a bulletin, a witness).</param>
    public async Task<SiteReport> VerifyAsync(IReadOnlyList<string>? trustedLogKeys, string? savedCheckpoint, CancellationToken cancellationToken)
    {
        var report = new SiteReport();
        var keysJson = await site.GetAsync($"{logPrefix}/keys.json", cancellationToken);
        KeysDocument? keys = null;
        if (keysJson is null)
            report.Problem("The site serves no keys.json.");
        else
            keys = JsonSerializer.Deserialize<KeysDocument>(keysJson, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        if (trustedLogKeys is null)
            report.Note("The log keys were taken from the site's own keys.json: compare them with ones published elsewhere.");
        var logKeys = (trustedLogKeys ?? keys?.Log.Select(key => key.Vkey).ToList() ?? []).Select(NoteVerifierKey.Parse).ToList();

        var checkpointBytes = await site.GetAsync($"{logPrefix}/checkpoint", cancellationToken);
        if (checkpointBytes is null)
        {
            report.Problem("The site serves no checkpoint.");
            return report;
        }
        var checkpoint = OpenCheckpoint(StrictUtf8.GetString(checkpointBytes), logKeys, report, "the current checkpoint");
        if (checkpoint is null)
            return report;
        report.TreeSize = checkpoint.Size;

        var (entries, leafHashes) = await ReadTreeAsync(checkpoint, report, cancellationToken);
        if (entries is null)
            return report;
        if (!MerkleTree.RootHash(leafHashes!).AsSpan().SequenceEqual(checkpoint.RootHash))
            report.Problem("The tree recomputed from the entry bundles does not have the checkpoint's root hash.");

        var records = CheckRecords(entries, leafHashes!, report);
        await CheckNoticesAsync(records, keys, report, cancellationToken);
        await CheckListedNoticesAsync(records, report, cancellationToken);

        if (savedCheckpoint is not null && OpenCheckpoint(savedCheckpoint, logKeys, report, "the saved checkpoint") is { } saved)
        {
            if (saved.Origin != checkpoint.Origin)
                report.Problem("The saved checkpoint is of another log.");
            else if (saved.Size > checkpoint.Size)
                report.Problem($"The saved checkpoint is of tree size {saved.Size}, larger than the current {checkpoint.Size}: the log was cut back.");
            else if (!MerkleTree.RangeHash(leafHashes!, 0, saved.Size).AsSpan().SequenceEqual(saved.RootHash))
                report.Problem($"The current log does not contain the tree of the saved checkpoint (size {saved.Size}): the log was rewritten.");
            else
                report.Note($"The current log extends the saved checkpoint of size {saved.Size}.");
        }
        return report;
    }

    private static Checkpoint? OpenCheckpoint(string note, IReadOnlyList<NoteVerifierKey> logKeys, SiteReport report, string what)
    {
        try
        {
            var (opened, _) = SignedNote.Open(note, logKeys);
            return Checkpoint.Parse(opened.Text);
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            report.Problem($"{char.ToUpperInvariant(what[0])}{what[1..]} does not verify: {exception.Message}");
            return null;
        }
    }

    /// <summary>Every entry from the bundles, each bundle's leaf hashes checked against its level-0 tile, as a full auditor does.</summary>
    private async Task<(List<byte[]>? Entries, List<byte[]>? LeafHashes)> ReadTreeAsync(Checkpoint checkpoint, SiteReport report, CancellationToken cancellationToken)
    {
        var entries = new List<byte[]>();
        var leafHashes = new List<byte[]>();
        foreach (var tile in Tile.ForTreeSize(checkpoint.Size).Where(tile => tile.Level == 0))
        {
            var bundle = await site.GetAsync($"{logPrefix}/{tile.EntryBundlePath}", cancellationToken);
            var hashes = await site.GetAsync($"{logPrefix}/{tile.HashTilePath}", cancellationToken);
            if (bundle is null || hashes is null)
            {
                report.Problem($"The site lacks {(bundle is null ? tile.EntryBundlePath : tile.HashTilePath)}, which the checkpoint needs.");
                return (null, null);
            }
            IReadOnlyList<byte[]> bundled;
            try
            {
                bundled = EntryBundle.Decode(bundle);
            }
            catch (FormatException exception)
            {
                report.Problem($"{tile.EntryBundlePath} is not an entry bundle: {exception.Message}");
                return (null, null);
            }
            if (bundled.Count != tile.Width || hashes.Length != tile.Width * MerkleTree.HashSize)
            {
                report.Problem($"{tile.EntryBundlePath} or {tile.HashTilePath} does not hold {tile.Width} entries.");
                return (null, null);
            }
            for (var i = 0; i < bundled.Count; i++)
            {
                var leaf = MerkleTree.LeafHash(bundled[i]);
                if (!leaf.AsSpan().SequenceEqual(hashes.AsSpan(i * MerkleTree.HashSize, MerkleTree.HashSize)))
                    report.Problem($"Entry {tile.FirstHash + i} does not hash to its tile's leaf hash.");
                entries.Add(bundled[i]);
                leafHashes.Add(leaf);
            }
        }
        return (entries, leafHashes);
    }

    /// <summary>Each record's own form, and the chain: (noticeId, version) once, version k links version k-1, nothing after a withdrawal.</summary>
    private static List<(long Index, LogRecord Record)> CheckRecords(List<byte[]> entries, List<byte[]> leafHashes, SiteReport report)
    {
        var records = new List<(long, LogRecord)>();
        var latest = new Dictionary<string, (long Index, LogRecord Record)>(StringComparer.Ordinal);
        for (var index = 0; index < entries.Count; index++)
        {
            LogRecord record;
            try
            {
                record = LogRecord.Parse(entries[index]);
                if (!CanonicalJson.Canonicalize(entries[index]).AsSpan().SequenceEqual(entries[index]))
                    report.Problem($"Record {index} is not in RFC 8785 form.");
            }
            catch (JsonException exception)
            {
                report.Problem($"Record {index} is not a record: {exception.Message}");
                continue;
            }
            var before = latest.GetValueOrDefault(record.NoticeId);
            if (before.Record is null)
            {
                if (record.Version != 1 || record.Previous is not null)
                    report.Problem($"Record {index} starts notice {record.NoticeId} at version {record.Version}, or links a previous record, with no earlier record of it.");
            }
            else if (before.Record.Kind == "withdrawal")
                report.Problem($"Record {index} follows the withdrawal of notice {record.NoticeId}.");
            else if (record.Version != before.Record.Version + 1 || record.Previous is null || record.Previous.Index != before.Index
                || record.Previous.LeafHash != Convert.ToBase64String(leafHashes[(int)before.Index]))
                report.Problem($"Record {index} (notice {record.NoticeId} v{record.Version}) does not link the record of v{before.Record.Version} at {before.Index}.");
            latest[record.NoticeId] = (index, record);
            records.Add((index, record));
        }
        report.Records = records.Count;
        return records;
    }

    private async Task CheckNoticesAsync(List<(long Index, LogRecord Record)> records, KeysDocument? keys, SiteReport report, CancellationToken cancellationToken)
    {
        var withdrawn = records.Where(r => r.Record.Kind == "withdrawal").Select(r => r.Record.NoticeId).ToHashSet(StringComparer.Ordinal);
        foreach (var (index, record) in records)
        {
            var path = $"notices/{record.NoticeId}/v{record.Version}";
            var notice = await site.GetAsync(path + ".json", cancellationToken);
            if (notice is null)
            {
                if (withdrawn.Contains(record.NoticeId) && record.Kind != "withdrawal")
                    report.Note($"{path}.json is no longer served: the notice was withdrawn, and its record keeps its hash.");
                else
                    report.Problem($"{path}.json is missing: record {index} says it was published.");
                continue;
            }
            if (Convert.ToBase64String(SHA256.HashData(notice)) != record.ContentSha256)
                report.Problem($"{path}.json does not have the SHA-256 that record {index} holds: it was changed.");
            try
            {
                if (!CanonicalJson.Canonicalize(notice).AsSpan().SequenceEqual(notice))
                    report.Problem($"{path}.json is not in RFC 8785 form.");
            }
            catch (JsonException)
            {
                report.Problem($"{path}.json is not JSON.");
            }
            var signature = await site.GetAsync(path + ".sig", cancellationToken);
            var key = keys?.Notice.FirstOrDefault(candidate => candidate.KeyId == record.NoticeKeyId);
            if (signature is null || key is null)
                report.Problem($"{path}: {(signature is null ? "no .sig is served" : $"keys.json lists no notice key {record.NoticeKeyId}")}.");
            else if (!SignatureAlgorithm.Ed25519.Verify(PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(key.PublicKey), KeyBlobFormat.RawPublicKey), notice, signature))
                report.Problem($"{path}.sig does not verify with notice key {record.NoticeKeyId}.");
            else
                report.NoticesVerified++;
        }
    }

    /// <summary>A notice on the site that no record announces was published behind the log's back.</summary>
    private async Task CheckListedNoticesAsync(List<(long Index, LogRecord Record)> records, SiteReport report, CancellationToken cancellationToken)
    {
        var listed = await site.GetAsync("notices/index.json", cancellationToken);
        if (listed is null)
        {
            report.Note("The site lists no notices/index.json, so notices outside the log cannot be looked for.");
            return;
        }
        var logged = records.Select(r => (r.Record.NoticeId, r.Record.Version)).ToHashSet();
        foreach (var entry in JsonDocument.Parse(listed).RootElement.EnumerateArray())
        {
            var noticeId = entry.GetProperty("noticeId").GetString()!;
            var version = entry.GetProperty("version").GetInt32();
            if (!logged.Contains((noticeId, version)))
                report.Problem($"The site shows notice {noticeId} v{version}, which no record in the log announces.");
        }
    }
}

public sealed class SiteReport
{
    private readonly List<string> _problems = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<string> Problems => _problems;

    public IReadOnlyList<string> Notes => _notes;

    public long TreeSize { get; set; }

    public int Records { get; set; }

    public int NoticesVerified { get; set; }

    public bool Passed => _problems.Count == 0;

    public void Problem(string problem) => _problems.Add(problem);

    public void Note(string note) => _notes.Add(note);
}
