using Reporting.Testing.Tools;
using NSec.Cryptography;
using Reporting.Cryptography.Hpke;

namespace Reporting.Cryptography.Tests;

/// <summary>
/// Our HPKE envelopes against @hpke/core with @hpke/chacha20poly1305 (the implementation the browser will seal with),
/// installed from the npm registry into a temporary folder on first use.
/// </summary>
public class HpkeNodeInteropTests
{
    private static readonly string[] Packages = ["@hpke/core@1.9.0", "@hpke/chacha20poly1305@1.8.0"];

    private static readonly byte[] Info = "reporting/data-key/v1"u8.ToArray();

    // Reads base64 lines from standard input, so that the private key never appears on a command line.
    private const string Script = """
        import { CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
        import { Chacha20Poly1305 } from '@hpke/chacha20poly1305';
        import { readFileSync } from 'node:fs';
        const lines = readFileSync(0, 'utf8').replace(/\n$/, '').split('\n');
        const bytes = (line) => new Uint8Array(Buffer.from(line, 'base64'));
        const b64 = (buffer) => Buffer.from(new Uint8Array(buffer)).toString('base64');
        const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Chacha20Poly1305() });
        try {
          if (lines[0] === 'open') {
            const recipientKey = { privateKey: await suite.kem.deserializePrivateKey(bytes(lines[1])), publicKey: await suite.kem.deserializePublicKey(bytes(lines[2])) };
            const pt = await suite.open({ recipientKey, enc: bytes(lines[3]), info: bytes(lines[4]) }, bytes(lines[6]), bytes(lines[5]));
            process.stdout.write(b64(pt));
          } else {
            const recipientPublicKey = await suite.kem.deserializePublicKey(bytes(lines[1]));
            const sealed = await suite.seal({ recipientPublicKey, info: bytes(lines[2]) }, bytes(lines[4]), bytes(lines[3]));
            process.stdout.write(b64(sealed.enc) + '\n' + b64(sealed.ct));
          }
        } catch (error) {
          console.error(error.message);
          process.exit(3);
        }
        """;

    private static readonly Lazy<string> Folder = new(Install);

    [FactNeedingTool("node", "nodejs")]
    public void An_envelope_sealed_here_opens_with_hpke_js()
    {
        using var recipient = Key.Create(KeyAgreementAlgorithm.X25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var plaintext = "实名举报：见附件"u8.ToArray();
        var envelope = HpkeEnvelope.Seal(recipient.PublicKey, Info, plaintext);

        var opened = RunNode("open", recipient.Export(KeyBlobFormat.RawPrivateKey), recipient.PublicKey.Export(KeyBlobFormat.RawPublicKey),
            envelope[1..33], Info, envelope[..1], envelope[33..]);

        Assert.Equal(plaintext, Convert.FromBase64String(Assert.Single(opened)));
    }

    [FactNeedingTool("node", "nodejs")]
    public void An_envelope_sealed_by_hpke_js_opens_here()
    {
        using var recipient = Key.Create(KeyAgreementAlgorithm.X25519);
        var plaintext = "reply to the informant"u8.ToArray();

        var sealedByNode = RunNode("seal", recipient.PublicKey.Export(KeyBlobFormat.RawPublicKey), Info, [HpkeEnvelope.Version1], plaintext);
        Assert.Equal(2, sealedByNode.Length);
        byte[] envelope = [HpkeEnvelope.Version1, .. Convert.FromBase64String(sealedByNode[0]), .. Convert.FromBase64String(sealedByNode[1])];

        Assert.True(HpkeEnvelope.TryOpen(recipient, Info, envelope, out var opened));
        Assert.Equal(plaintext, opened);
        Assert.False(HpkeEnvelope.TryOpen(recipient, "reporting/mailbox/v1"u8, envelope, out _));
    }

    private static string[] RunNode(string operation, params byte[][] inputs)
    {
        var input = string.Join('\n', inputs.Select(Convert.ToBase64String).Prepend(operation));
        var (exitCode, output, error) = ExternalTool.Run("node", ["hpke.mjs"], Folder.Value, input);
        Assert.True(exitCode == 0, $"node exited with {exitCode}: {error}");
        return output.Split('\n');
    }

    private static string Install()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reporting-hpke-interop");
        Directory.CreateDirectory(folder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@hpke", "chacha20poly1305")))
        {
            var (exitCode, _, error) = ExternalTool.Run(
                "npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", folder, .. Packages], folder);
            if (exitCode != 0)
                throw new InvalidOperationException($"npm could not install {string.Join(", ", Packages)}: {error}");
        }

        File.WriteAllText(Path.Combine(folder, "hpke.mjs"), Script);
        return folder;
    }
}
