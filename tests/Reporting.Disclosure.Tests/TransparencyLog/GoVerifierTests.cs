using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;
using Reporting.Disclosure.Canonical;
using Reporting.Disclosure.TransparencyLog;
using Reporting.Testing.Tools;

namespace Reporting.Disclosure.Tests.TransparencyLog;

/// <summary>
/// Our log, exported as transparency.md's static layout, checked by Go's own note and tlog packages: checkpoints,
/// inclusion proofs, every entry against the tiles and the root, and consistency with every older checkpoint.
/// </summary>
public sealed class GoVerifierTests : IClassFixture<GoVerifier>, IDisposable
{
    private const string Origin = "jw.example.gov.cn/notices-log";
    private static readonly long[] FirstSizes = [0, 1, 255, 256, 300];
    private static readonly long[] AllSizes = [.. FirstSizes, 511, 512, 600, 650];

    private readonly GoVerifier _go;
    private readonly string _folder = Directory.CreateTempSubdirectory("reporting-tlog-export-").FullName;
    private readonly Key _logKey = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _nextLogKey = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly NoteSigner _log;
    private readonly byte[][] _entries = Records(650);

    public GoVerifierTests(GoVerifier go)
    {
        _go = go;
        _log = new NoteSigner(Origin, _logKey);
    }

    private string LogDirectory => Path.Combine(_folder, "notices-log");

    private string Vkey => _log.VerifierKey.ToString();

    [FactNeedingTool("go", GoVerifier.DebianPackages, GoVerifier.XModSource)]
    public void Go_opens_every_checkpoint_and_reads_the_size_and_root_written_here()
    {
        Export(AllSizes, [_log]);

        foreach (var size in AllSizes)
        {
            var root = Convert.ToHexStringLower(MerkleTree.RangeHash(Leaves, 0, size));
            AssertSucceeds(_go.Run("checkpoint", Vkey, CheckpointFile(size)), $"{Origin} {size.ToString(CultureInfo.InvariantCulture)} {root}\n");
        }
    }

    [FactNeedingTool("go", GoVerifier.DebianPackages, GoVerifier.XModSource)]
    public void Go_checks_every_entry_against_the_tiles_and_the_root_as_the_log_grows()
    {
        Export(FirstSizes, [_log]);
        AssertSucceeds(_go.Run("tree", Vkey, LogDirectory), $"{Origin} 300 ");

        Export(AllSizes, [_log]);
        AssertSucceeds(_go.Run("tree", Vkey, LogDirectory), $"{Origin} 650 ");
    }

    [FactNeedingTool("go", GoVerifier.DebianPackages, GoVerifier.XModSource)]
    public void Go_checks_tlog_proofs_made_here_against_old_and_new_checkpoints()
    {
        Export(AllSizes, [_log]);

        foreach (var (index, size) in new (int, long)[] { (0, 650), (1, 650), (255, 650), (256, 650), (299, 650), (511, 650), (649, 650), (0, 1), (10, 300), (299, 300), (255, 256) })
        {
            var proofFile = WriteTlogProof(index, size);
            var entryFile = Write($"entry-{index}", _entries[index]);
            AssertSucceeds(_go.Run("inclusion", Vkey, proofFile, entryFile), $"entry {index} is in {Origin} at size {size}");
            AssertFails(_go.Run("inclusion", Vkey, proofFile, Write("other-entry", _entries[(index + 1) % 650])));
        }
    }

    [FactNeedingTool("go", GoVerifier.DebianPackages, GoVerifier.XModSource)]
    public void Go_finds_every_old_checkpoint_consistent_with_the_current_one_by_tiles_and_by_our_proof()
    {
        Export(AllSizes, [_log]);

        foreach (var old in AllSizes)
        {
            var proof = Write($"proof-{old}", Encoding.ASCII.GetBytes(string.Concat(ConsistencyProof.Make(Leaves, old, 650).Select(hash => Convert.ToBase64String(hash) + "\n"))));
            AssertSucceeds(_go.Run("consistency", Vkey, CheckpointFile(old), LogDirectory, proof), $"{Origin} 650 is consistent with {old}");
        }
    }

    [FactNeedingTool("go", GoVerifier.DebianPackages, GoVerifier.XModSource)]
    public void During_a_key_rotation_Go_verifies_the_checkpoints_with_either_key()
    {
        var next = new NoteSigner(Origin, _nextLogKey);
        Export(AllSizes, [_log, next]);

        AssertSucceeds(_go.Run("tree", _log.VerifierKey.ToString(), LogDirectory), $"{Origin} 650 ");
        AssertSucceeds(_go.Run("tree", next.VerifierKey.ToString(), LogDirectory), $"{Origin} 650 ");
        AssertSucceeds(_go.Run("consistency", next.VerifierKey.ToString(), CheckpointFile(300), LogDirectory), "consistent with 300");
    }

    [FactNeedingTool("go", GoVerifier.DebianPackages, GoVerifier.XModSource)]
    public void Go_refuses_a_changed_hash_tile()
    {
        Export(AllSizes, [_log]);

        foreach (var tile in new[] { "tile/0/001", "tile/0/002.p/138", "tile/1/000.p/2" })
        {
            var path = Path.Combine(LogDirectory, tile);
            var original = File.ReadAllBytes(path);
            File.WriteAllBytes(path, TestLog.Flipped(original, 77));
            AssertFails(_go.Run("tree", Vkey, LogDirectory));
            File.WriteAllBytes(path, original);
        }
        AssertSucceeds(_go.Run("tree", Vkey, LogDirectory), $"{Origin} 650 ");
    }

    [FactNeedingTool("go", GoVerifier.DebianPackages, GoVerifier.XModSource)]
    public void Go_refuses_a_changed_entry()
    {
        Export(AllSizes, [_log]);
        var bundle = Path.Combine(LogDirectory, "tile", "entries", "001");
        var entries = EntryBundle.Decode(File.ReadAllBytes(bundle)).ToArray();
        entries[17] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(entries[17]).Replace("\"notice\"", "\"withdrawal\"", StringComparison.Ordinal));
        File.WriteAllBytes(bundle, EntryBundle.Encode(entries));

        AssertFails(_go.Run("tree", Vkey, LogDirectory));
    }

    [FactNeedingTool("go", GoVerifier.DebianPackages, GoVerifier.XModSource)]
    public void Go_refuses_a_checkpoint_signed_by_another_key_of_the_same_name()
    {
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        Export(AllSizes, [new NoteSigner(Origin, stranger)]);

        AssertFails(_go.Run("checkpoint", Vkey, CheckpointFile(650)));
        AssertFails(_go.Run("tree", Vkey, LogDirectory));
        AssertFails(_go.Run("inclusion", Vkey, WriteTlogProof(3, 650), Write("entry", _entries[3])));
    }

    [FactNeedingTool("go", GoVerifier.DebianPackages, GoVerifier.XModSource)]
    public void Go_refuses_an_old_checkpoint_the_current_tree_does_not_extend()
    {
        Export(AllSizes, [_log]);
        // A validly signed checkpoint of 300 entries of which one differs: the log forked, and signed both branches.
        var forked = TestLog.LeafHashes(_entries[..300]);
        forked[5] = MerkleTree.LeafHash("a record rewritten"u8);
        var forkedCheckpoint = Write("forked-300", Encoding.UTF8.GetBytes(SignedNote.Sign(new Checkpoint(Origin, 300, MerkleTree.RootHash(forked)).ToNoteText(), [_log])));
        var honestProof = Write("proof", Encoding.ASCII.GetBytes(string.Concat(ConsistencyProof.Make(Leaves, 300, 650).Select(hash => Convert.ToBase64String(hash) + "\n"))));
        var wrongProof = Write("wrong-proof", Encoding.ASCII.GetBytes(string.Concat(ConsistencyProof.Make(Leaves, 301, 650).Select(hash => Convert.ToBase64String(hash) + "\n"))));

        AssertSucceeds(_go.Run("checkpoint", Vkey, forkedCheckpoint), $"{Origin} 300 ");
        AssertFails(_go.Run("consistency", Vkey, forkedCheckpoint, LogDirectory));
        AssertFails(_go.Run("consistency", Vkey, forkedCheckpoint, LogDirectory, honestProof));
        AssertFails(_go.Run("consistency", Vkey, CheckpointFile(300), LogDirectory, wrongProof));
    }

    public void Dispose()
    {
        _logKey.Dispose();
        _nextLogKey.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private byte[][] Leaves => TestLog.LeafHashes(_entries);

    /// <summary>Log records as transparency.md shapes them, in RFC 8785 form: five versions of each notice, chained.</summary>
    private static byte[][] Records(int count) => [.. Enumerable.Range(0, count).Select(Record)];

    private static byte[] Record(int index)
    {
        var previous = index % 5 == 0 ? "null" : string.Create(CultureInfo.InvariantCulture, $$"""{"index":{{index - 1}}}""");
        var content = Convert.ToBase64String(SHA256.HashData(BitConverter.GetBytes(index)));
        return CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""
            {"schema":"{{Origin}}/record/v1","kind":"notice","noticeId":"2026-{{index / 5:D4}}","version":{{index % 5 + 1}},
             "publishedAt":"2026-12-01T08:00:00Z","contentSha256":"{{content}}","noticeKeyId":"0a1b2c3d","previous":{{previous}}}
            """)));
    }

    /// <summary>transparency.md's static export: the tiles and bundles, every checkpoint by size, the newest as <c>checkpoint</c>.</summary>
    private void Export(long[] sizes, NoteSigner[] signers)
    {
        var count = (int)sizes[^1];
        var leaves = TestLog.LeafHashes(_entries[..count]);
        foreach (var (path, content) in TileWriter.FilesToPublish(leaves, _entries[..count], sizes))
            WriteLogFile(path, content);
        foreach (var size in sizes)
        {
            var note = Encoding.UTF8.GetBytes(SignedNote.Sign(new Checkpoint(Origin, size, MerkleTree.RangeHash(leaves, 0, size)).ToNoteText(), signers));
            WriteLogFile($"checkpoints/{size.ToString(CultureInfo.InvariantCulture)}", note);
            if (size == count)
                WriteLogFile("checkpoint", note);
        }
    }

    private string WriteTlogProof(int index, long size)
    {
        var checkpoint = File.ReadAllText(CheckpointFile(size), Encoding.UTF8);
        var proof = new TlogProof(_entries[index], index, InclusionProof.Make(Leaves, index, size), checkpoint);
        return Write($"v{index}-{size}.tlog-proof", Encoding.UTF8.GetBytes(proof.Format()));
    }

    private string CheckpointFile(long size) => Path.Combine(LogDirectory, "checkpoints", size.ToString(CultureInfo.InvariantCulture));

    private void WriteLogFile(string relativePath, byte[] content)
    {
        var path = Path.Combine(LogDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static void AssertSucceeds((int ExitCode, string Output, string Error) run, string expectedOutput)
    {
        Assert.True(run.ExitCode == 0, $"tlogverify failed: {run.Error}");
        Assert.Contains(expectedOutput, run.Output, StringComparison.Ordinal);
    }

    private static void AssertFails((int ExitCode, string Output, string Error) run)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("tlogverify: ", run.Error, StringComparison.Ordinal);
    }
}
