using NSec.Cryptography;
using Reporting.Disclosure.TransparencyLog;
using Reporting.Testing.Tools;

namespace Reporting.Disclosure.Tests.TransparencyLog;

/// <summary>
/// What transparency.md tells an outsider to run: <c>openssl pkeyutl -verify -pubin -rawin</c> over a raw Ed25519 key
/// wrapped as SPKI DER, on a notice's bytes and on a checkpoint's note text.
/// </summary>
public sealed class OpenSslEd25519Tests : IDisposable
{
    private static readonly byte[] SpkiPrefix = Convert.FromHexString("302a300506032b6570032100");

    private readonly string _folder = Directory.CreateTempSubdirectory("reporting-tlog-openssl-").FullName;
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    [FactNeedingTool("openssl", "openssl")]
    public void Openssl_verifies_a_signature_made_here_over_a_notice_and_refuses_a_changed_byte()
    {
        var notice = """{"body":"经查，某某违反中央八项规定精神。","headline":"关于某某问题的通报"}"""u8.ToArray();
        WritePublicKey();
        Write("notice.json", notice);
        Write("notice.sig", SignatureAlgorithm.Ed25519.Sign(_key, notice));
        Write("changed.json", TestLog.Flipped(notice, 100));

        var verified = Verify("notice.json", "notice.sig");
        Assert.True(verified.ExitCode == 0, verified.Error);
        Assert.Contains("Signature Verified Successfully", verified.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, Verify("changed.json", "notice.sig").ExitCode);
    }

    [FactNeedingTool("openssl", "openssl")]
    public void Openssl_verifies_the_signature_line_of_a_checkpoint()
    {
        var text = new Checkpoint("jw.example.gov.cn/notices-log", 0, MerkleTree.EmptyRootHash()).ToNoteText();
        var note = SignedNote.Parse(SignedNote.Sign(text, [new NoteSigner("jw.example.gov.cn/notices-log", _key)]));
        WritePublicKey();
        Write("checkpoint.txt", System.Text.Encoding.UTF8.GetBytes(note.Text));
        Write("checkpoint.sig", Assert.Single(note.Signatures).Signature);
        Write("changed.txt", System.Text.Encoding.UTF8.GetBytes(note.Text.Replace("\n0\n", "\n1\n", StringComparison.Ordinal)));

        Assert.Equal(0, Verify("checkpoint.txt", "checkpoint.sig").ExitCode);
        Assert.NotEqual(0, Verify("changed.txt", "checkpoint.sig").ExitCode);
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void WritePublicKey() => Write("public.der", [.. SpkiPrefix, .. _key.PublicKey.Export(KeyBlobFormat.RawPublicKey)]);

    private (int ExitCode, string Output, string Error) Verify(string file, string signature) =>
        ExternalTool.Run("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "public.der", "-keyform", "DER", "-rawin", "-in", file, "-sigfile", signature], _folder);

    private void Write(string name, byte[] content) => File.WriteAllBytes(Path.Combine(_folder, name), content);
}
