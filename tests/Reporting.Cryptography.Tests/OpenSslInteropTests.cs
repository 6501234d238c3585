using Reporting.Testing.Tools;
using NSec.Cryptography;

namespace Reporting.Cryptography.Tests;

/// <summary>Ed25519 and X25519 against OpenSSL's own implementations, exchanging keys in the PKIX text formats.</summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly string _folder = Directory.CreateTempSubdirectory("reporting-sodium-openssl-").FullName;

    [FactNeedingTool("openssl", "openssl")]
    public void A_signature_made_here_verifies_with_openssl()
    {
        using var key = Key.Create(Ed25519);
        var notice = "关于某某案件的处理结果公告"u8.ToArray();
        Write("notice.bin", notice);
        Write("public.pem", key.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText));
        Write("signature.bin", Ed25519.Sign(key, notice));
        var tampered = Ed25519.Sign(key, notice);
        tampered[0] ^= 1;
        Write("tampered.bin", tampered);

        var verified = OpenSsl("pkeyutl", "-verify", "-pubin", "-inkey", "public.pem", "-rawin", "-in", "notice.bin", "-sigfile", "signature.bin");
        var rejected = OpenSsl("pkeyutl", "-verify", "-pubin", "-inkey", "public.pem", "-rawin", "-in", "notice.bin", "-sigfile", "tampered.bin");

        Assert.True(verified.ExitCode == 0, verified.Error);
        Assert.Contains("Signature Verified Successfully", verified.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, rejected.ExitCode);
    }

    [FactNeedingTool("openssl", "openssl")]
    public void A_signature_made_by_openssl_verifies_here()
    {
        var generated = OpenSsl("genpkey", "-algorithm", "ed25519", "-out", "private.pem");
        Assert.True(generated.ExitCode == 0, generated.Error);
        Write("notice.bin", "notice"u8.ToArray());
        var signed = OpenSsl("pkeyutl", "-sign", "-inkey", "private.pem", "-rawin", "-in", "notice.bin", "-out", "signature.bin");
        Assert.True(signed.ExitCode == 0, signed.Error);

        using var key = Key.Import(Ed25519, File.ReadAllBytes(Path.Combine(_folder, "private.pem")), KeyBlobFormat.PkixPrivateKeyText);

        Assert.True(Ed25519.Verify(key.PublicKey, "notice"u8, File.ReadAllBytes(Path.Combine(_folder, "signature.bin"))));
    }

    [FactNeedingTool("openssl", "openssl")]
    public void X25519_agrees_with_openssl_on_the_shared_secret()
    {
        using var ours = Key.Create(KeyAgreementAlgorithm.X25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        Write("ours.pem", ours.Export(KeyBlobFormat.PkixPrivateKeyText));
        Write("ours-public.pem", ours.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText));
        Assert.Equal(0, OpenSsl("genpkey", "-algorithm", "X25519", "-out", "theirs.pem").ExitCode);
        Assert.Equal(0, OpenSsl("pkey", "-in", "theirs.pem", "-pubout", "-out", "theirs-public.pem").ExitCode);
        var derived = OpenSsl("pkeyutl", "-derive", "-inkey", "theirs.pem", "-peerkey", "ours-public.pem", "-out", "shared.bin");
        var ourPublicSeenByOpenSsl = OpenSsl("pkey", "-in", "ours.pem", "-pubout");
        Assert.True(derived.ExitCode == 0, derived.Error);

        var theirs = PublicKey.Import(KeyAgreementAlgorithm.X25519, File.ReadAllBytes(Path.Combine(_folder, "theirs-public.pem")), KeyBlobFormat.PkixPublicKeyText);
        using var shared = KeyAgreementAlgorithm.X25519.Agree(ours, theirs, new SharedSecretCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        Assert.NotNull(shared);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder, "shared.bin")), shared.Export(SharedSecretBlobFormat.RawSharedSecret));

        // NSec ends PEM lines with CRLF, openssl with LF; both read either.
        Assert.Equal(File.ReadAllText(Path.Combine(_folder, "ours-public.pem")).ReplaceLineEndings("\n").Trim(), ourPublicSeenByOpenSsl.Output.Trim());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, byte[] content) => File.WriteAllBytes(Path.Combine(_folder, name), content);

    private (int ExitCode, string Output, string Error) OpenSsl(params string[] arguments) =>
        ExternalTool.Run("openssl", arguments, _folder);
}
