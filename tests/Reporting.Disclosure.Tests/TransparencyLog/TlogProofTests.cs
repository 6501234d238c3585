using NSec.Cryptography;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Tests.TransparencyLog;

public sealed class TlogProofTests : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    [Fact]
    public void A_proof_is_header_extra_index_hashes_a_blank_line_and_the_checkpoint_verbatim()
    {
        var (proof, note) = Proof(index: 5, extra: "record"u8.ToArray());

        var lines = proof.Format().Split('\n');

        Assert.Equal("c2sp.org/tlog-proof@v1", lines[0]);
        Assert.Equal("extra cmVjb3Jk", lines[1]);
        Assert.Equal("index 5", lines[2]);
        Assert.Equal(proof.InclusionProof.Select(Convert.ToBase64String), lines[3..(3 + proof.InclusionProof.Count)]);
        Assert.Equal("", lines[3 + proof.InclusionProof.Count]);
        Assert.EndsWith("\n\n" + note, proof.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_proof_parses_back_to_what_was_written()
    {
        foreach (var (proof, _) in new[] { Proof(index: 6, extra: [1, 2, 3]), Proof(index: 0, extra: null) })
        {
            var parsed = TlogProof.Parse(proof.Format());

            Assert.Equal(proof.Extra, parsed.Extra);
            Assert.Equal(proof.Index, parsed.Index);
            Assert.Equal(proof.InclusionProof, parsed.InclusionProof);
            Assert.Equal(proof.CheckpointNote, parsed.CheckpointNote);
            Assert.Equal(proof.Format(), parsed.Format());
        }
    }

    [Fact]
    public void A_proof_of_the_only_leaf_has_no_hashes()
    {
        var leaf = MerkleTree.LeafHash("only"u8);
        var note = SignedNote.Sign(new Checkpoint("example.com/log", 1, leaf).ToNoteText(), [new NoteSigner("example.com/log", _key)]);

        var text = new TlogProof(null, 0, [], note).Format();

        Assert.StartsWith("c2sp.org/tlog-proof@v1\nindex 0\n\nexample.com/log\n1\n", text, StringComparison.Ordinal);
        Assert.Empty(TlogProof.Parse(text).InclusionProof);
    }

    [Theory]
    [InlineData("c2sp.org/tlog-proof@v2\nindex 0\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 01\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra \nindex 0\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra AQ\nindex 0\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\nAQ==\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\n")]
    public void Malformed_proofs_are_refused(string head)
    {
        var note = SignedNote.Sign(new Checkpoint("example.com/log", 1, MerkleTree.LeafHash("x"u8)).ToNoteText(), [new NoteSigner("example.com/log", _key)]);

        Assert.Throws<FormatException>(() => TlogProof.Parse(head + note));
        Assert.Throws<FormatException>(() => TlogProof.Parse("c2sp.org/tlog-proof@v1\nindex 0\n\nnot a note\n"));
    }

    public void Dispose() => _key.Dispose();

    private (TlogProof Proof, string Note) Proof(long index, byte[]? extra)
    {
        var leaves = TestLog.LeafHashes(TestLog.Entries(11));
        var note = SignedNote.Sign(new Checkpoint("example.com/log", 11, MerkleTree.RootHash(leaves)).ToNoteText(), [new NoteSigner("example.com/log", _key)]);
        return (new TlogProof(extra, index, InclusionProof.Make(leaves, index, 11), note), note);
    }
}
