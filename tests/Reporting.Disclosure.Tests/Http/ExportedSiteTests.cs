using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.Export;
using Reporting.Disclosure.Tests.TransparencyLog;
using Reporting.Disclosure.TransparencyLog;
using Reporting.Disclosure.Verification;
using Reporting.Testing;
using Reporting.Testing.Tools;

namespace Reporting.Disclosure.Tests.Http;

/// <summary>
/// The exported site, checked as outsiders check it: by <c>reporting disclosure verify</c>'s verifier, by Go's own
/// sumdb code and by openssl; and each kind of tampering is caught: a changed byte, a removed notice, a removed or
/// reordered record, a checkpoint inconsistent with one saved earlier.
/// </summary>
public sealed class ExportedSiteTests(ExportedSiteTests.Site site) : IClassFixture<ExportedSiteTests.Site>
{
    /// <summary>A host with four notices published, one corrected, exported once after the first two and once at the end.</summary>
    public sealed class Site : IAsyncLifetime
    {
        public DisclosureHost Host { get; } = new();
        public string Folder { get; } = TestCluster.NewFolder();
        public string EarlyCheckpoint { get; private set; } = "";
        public string LogVkey { get; private set; } = "";
        public List<Guid> Notices { get; } = [];
        public ExportSummary Summary { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Host.InitializeAsync();
            Notices.Add((await Host.PublishedSanctionAsync()).NoticeId);
            Notices.Add((await Host.PublishedSanctionAsync()).NoticeId);
            await SiteExport.WriteAsync(Host.Services, Folder, CancellationToken.None);
            EarlyCheckpoint = await File.ReadAllTextAsync(Path.Combine(Folder, "notices-log", "checkpoint"));
            Notices.Add((await Host.PublishedSanctionAsync()).NoticeId);
            Notices.Add((await Host.PublishedSanctionAsync()).NoticeId);
            var corrected = Notices[0];
            await Host.NoticeActAsync("publisher1", corrected, "correct", new
            {
                headline = "某市某局原局长张三受到党内严重警告处分（更正）", body = "经查，张三违反中央八项规定精神。",
                subject = new { name = "张三", formerPosition = "局长", organization = "某市某局" }, reason = "更正文字",
            });
            await Host.NoticeActAsync("approver1", corrected, "approve");
            await Host.NoticeActAsync("publisher1", corrected, "publish");
            Summary = await SiteExport.WriteAsync(Host.Services, Folder, CancellationToken.None);
            using var keys = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(Folder, "notices-log", "keys.json")));
            LogVkey = keys.RootElement.GetProperty("log")[0].GetProperty("vkey").GetString()!;
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();

        /// <summary>A copy of the export to damage.</summary>
        public string Copy()
        {
            var copy = TestCluster.NewFolder();
            foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(Folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            return copy;
        }
    }

    private Task<SiteReport> VerifyAsync(string location, string? saved = null) =>
        new SiteVerifier(SiteSource.From(location)).VerifyAsync([site.LogVkey], saved, CancellationToken.None);

    [Fact]
    public async Task The_export_and_the_live_host_both_verify_and_extend_the_checkpoint_saved_earlier()
    {
        var folder = await VerifyAsync(site.Folder, site.EarlyCheckpoint);
        var live = await VerifyAsync(site.Host.BaseAddress.ToString(), site.EarlyCheckpoint);

        Assert.True(folder.Passed, string.Join("\n", folder.Problems));
        Assert.True(live.Passed, string.Join("\n", live.Problems));
        Assert.Equal(site.Summary.TreeSize, folder.TreeSize);
        Assert.Equal(site.Summary.Versions, folder.NoticesVerified);
        Assert.True(folder.TreeSize >= 5);
        Assert.Contains(folder.Notes, note => note.Contains("extends the saved checkpoint", StringComparison.Ordinal));
        Assert.Equal(site.Summary.Checkpoints, Directory.GetFiles(Path.Combine(site.Folder, "notices-log", "checkpoints")).Length);
    }

    [Fact]
    public async Task A_changed_byte_in_a_notice_is_caught()
    {
        var copy = site.Copy();
        var file = Path.Combine(copy, "notices", site.Notices[1].ToString(), "v1.json");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.Replace("严重警告", "警告", StringComparison.Ordinal));

        var report = await VerifyAsync(copy);

        Assert.Contains(report.Problems, problem => problem.Contains("does not have the SHA-256", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_removed_notice_is_caught()
    {
        var copy = site.Copy();
        Directory.Delete(Path.Combine(copy, "notices", site.Notices[2].ToString()), recursive: true);

        var report = await VerifyAsync(copy);

        Assert.Contains(report.Problems, problem => problem.Contains("is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_removed_record_is_caught_even_with_the_tile_recomputed()
    {
        var copy = site.Copy();
        var (bundle, tile) = LevelZeroFiles(copy);
        var entries = EntryBundle.Decode(await File.ReadAllBytesAsync(bundle)).ToList();
        entries.RemoveAt(2);
        await File.WriteAllBytesAsync(bundle, EntryBundle.Encode(entries));
        await File.WriteAllBytesAsync(tile, [.. entries.SelectMany(entry => MerkleTree.LeafHash(entry))]);

        var report = await VerifyAsync(copy);

        Assert.False(report.Passed);
    }

    [Fact]
    public async Task Reordered_records_are_caught_even_with_the_tile_recomputed()
    {
        var copy = site.Copy();
        var (bundle, tile) = LevelZeroFiles(copy);
        var entries = EntryBundle.Decode(await File.ReadAllBytesAsync(bundle)).ToList();
        (entries[0], entries[1]) = (entries[1], entries[0]);
        await File.WriteAllBytesAsync(bundle, EntryBundle.Encode(entries));
        await File.WriteAllBytesAsync(tile, [.. entries.SelectMany(entry => MerkleTree.LeafHash(entry))]);

        var report = await VerifyAsync(copy);

        Assert.Contains(report.Problems, problem => problem.Contains("root hash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_checkpoint_inconsistent_with_one_saved_earlier_is_caught()
    {
        // A log that signs a second history of the same size: the fork a reader detects by comparing checkpoints.
        var saved = Checkpoint.Parse(SignedNote.Parse(site.EarlyCheckpoint).Text);
        var forkedRoot = saved.RootHash.ToArray();
        forkedRoot[0] ^= 0xff;
        var logKey = site.Host.Services.GetRequiredService<IDisclosureSigningKeys>().LogKeys[^1].Key!;
        var forked = SignedNote.Sign(new Checkpoint(saved.Origin, saved.Size, forkedRoot).ToNoteText(), [new NoteSigner(saved.Origin, logKey)]);

        var report = await VerifyAsync(site.Folder, forked);

        Assert.Contains(report.Problems, problem => problem.Contains("does not contain the tree of the saved checkpoint", StringComparison.Ordinal));
    }

    [FactNeedingTool("go", GoVerifier.DebianPackages, GoVerifier.XModSource)]
    public async Task Go_sumdb_verifies_the_exported_checkpoint_a_notice_inclusion_proof_and_consistency_with_the_early_checkpoint()
    {
        using var go = new GoVerifier();
        var log = Path.Combine(site.Folder, "notices-log");
        var proofFile = Path.Combine(site.Folder, "notices", site.Notices[3].ToString(), "v1.tlog-proof");
        var entryFile = Path.Combine(TestCluster.NewFolder(), "record");
        await File.WriteAllBytesAsync(entryFile, TlogProof.Parse(await File.ReadAllTextAsync(proofFile)).Extra!);
        var earlyFile = Path.Combine(TestCluster.NewFolder(), "early-checkpoint");
        await File.WriteAllTextAsync(earlyFile, site.EarlyCheckpoint);

        foreach (var arguments in new[]
        {
            new[] { "checkpoint", site.LogVkey, Path.Combine(log, "checkpoint") },
            ["inclusion", site.LogVkey, proofFile, entryFile],
            ["tree", site.LogVkey, log],
            ["consistency", site.LogVkey, earlyFile, log],
        })
        {
            var (exitCode, output, error) = go.Run(arguments);
            Assert.True(exitCode == 0, $"tlogverify {arguments[0]}: {output}{error}");
        }
    }

    [FactNeedingTool("openssl", "openssl")]
    public async Task Openssl_verifies_an_exported_notice_signature_with_the_key_from_keys_json()
    {
        var work = TestCluster.NewFolder();
        using var keys = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(site.Folder, "notices-log", "keys.json")));
        var publicKey = Convert.FromBase64String(keys.RootElement.GetProperty("notice")[0].GetProperty("publicKey").GetString()!);
        await File.WriteAllBytesAsync(Path.Combine(work, "notice-key.der"), [.. Convert.FromHexString("302a300506032b6570032100"), .. publicKey]);
        var version = Path.Combine(site.Folder, "notices", site.Notices[0].ToString(), "v2");

        var (exitCode, output, error) = ExternalTool.Run("openssl",
            ["pkeyutl", "-verify", "-pubin", "-inkey", "notice-key.der", "-keyform", "DER", "-rawin", "-in", version + ".json", "-sigfile", version + ".sig"], work);

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("Signature Verified Successfully", output);
    }

    [Fact]
    public async Task No_sealed_identity_string_of_the_test_data_appears_anywhere_in_the_export()
    {
        var informant = CaseFlowHost.RealName();
        var needles = new[] { informant["name"]!.GetValue<string>(), informant["phone"]!.GetValue<string>() };
        foreach (var file in Directory.EnumerateFiles(site.Folder, "*", SearchOption.AllDirectories))
        {
            var text = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            foreach (var needle in needles)
                Assert.DoesNotContain(needle, text, StringComparison.Ordinal);
        }
    }

    private static (string Bundle, string Tile) LevelZeroFiles(string copy)
    {
        var entries = Path.Combine(copy, "notices-log", "tile", "entries", "000.p");
        var width = Directory.GetFiles(entries).Select(Path.GetFileName).Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture)).Max();
        return (Path.Combine(entries, width.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Path.Combine(copy, "notices-log", "tile", "0", "000.p", width.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
