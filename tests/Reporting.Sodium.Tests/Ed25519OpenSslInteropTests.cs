using Reporting.Sodium.Cryptography;

namespace Reporting.Sodium.Tests;

/// <summary>Ed25519 against OpenSSL's own implementation, exchanging keys in the PKIX text formats.</summary>
public sealed class Ed25519OpenSslInteropTests : IDisposable
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

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, byte[] content) => File.WriteAllBytes(Path.Combine(_folder, name), content);

    private (int ExitCode, string Output, string Error) OpenSsl(params string[] arguments) =>
        ExternalTool.Run("openssl", arguments, _folder);
}
