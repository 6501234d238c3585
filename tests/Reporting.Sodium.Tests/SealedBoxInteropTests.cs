using Reporting.Sodium.Cryptography;
using Reporting.Sodium.Primitives;

namespace Reporting.Sodium.Tests;

/// <summary>
/// Sealed boxes against libsodium.js (npm libsodium-wrappers, a separate build of a later libsodium release), installed
/// from the npm registry into a temporary folder on first use.
/// </summary>
public class SealedBoxInteropTests
{
    private const string LibsodiumWrappers = "libsodium-wrappers@0.8.4";

    // Reads base64 lines from standard input, so that the private key never appears on a command line.
    private const string Script = """
        const sodium = require('libsodium-wrappers');
        const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
        const bytes = (line) => sodium.from_base64(line, sodium.base64_variants.ORIGINAL);
        (async () => {
          await sodium.ready;
          if (lines[0] === 'open') {
            const opened = sodium.crypto_box_seal_open(bytes(lines[1]), bytes(lines[2]), bytes(lines[3]));
            process.stdout.write(sodium.to_base64(opened, sodium.base64_variants.ORIGINAL));
          } else {
            const sealed = sodium.crypto_box_seal(bytes(lines[1]), bytes(lines[2]));
            process.stdout.write(sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL));
          }
        })().catch((error) => { console.error(error.message); process.exit(2); });
        """;

    private static readonly Lazy<string> Folder = new(InstallLibsodiumWrappers);

    [FactNeedingTool("node", "nodejs")]
    public void A_box_sealed_here_opens_in_libsodium_js()
    {
        using var recipient = Key.Create(KeyAgreementAlgorithm.X25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var plaintext = "实名举报：见附件"u8.ToArray();
        var sealedBox = SealedBox.Seal(plaintext, recipient.PublicKey);

        var opened = RunNode("open", sealedBox, recipient.PublicKey.Export(KeyBlobFormat.RawPublicKey), recipient.Export(KeyBlobFormat.RawPrivateKey));

        Assert.Equal(plaintext, opened);
    }

    [FactNeedingTool("node", "nodejs")]
    public void A_box_sealed_by_libsodium_js_opens_here()
    {
        using var recipient = Key.Create(KeyAgreementAlgorithm.X25519);
        var plaintext = "reply to the informant"u8.ToArray();

        var sealedBox = RunNode("seal", plaintext, recipient.PublicKey.Export(KeyBlobFormat.RawPublicKey));

        Assert.True(SealedBox.TryOpen(sealedBox, recipient, out var opened));
        Assert.Equal(plaintext, opened);
    }

    private static byte[] RunNode(string operation, params byte[][] inputs)
    {
        var input = string.Join('\n', inputs.Select(Convert.ToBase64String).Prepend(operation));
        var (exitCode, output, error) = ExternalTool.Run("node", ["seal.js"], Folder.Value, input);
        Assert.True(exitCode == 0, $"node exited with {exitCode}: {error}");
        return Convert.FromBase64String(output);
    }

    private static string InstallLibsodiumWrappers()
    {
        var folder = Path.Combine(Path.GetTempPath(), "reporting-sodium-interop");
        Directory.CreateDirectory(folder);
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "libsodium-wrappers")))
        {
            var (exitCode, _, error) = ExternalTool.Run(
                "npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", folder, LibsodiumWrappers], folder);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm could not install {LibsodiumWrappers}: {error}");
            }
        }

        File.WriteAllText(Path.Combine(folder, "seal.js"), Script);
        return folder;
    }
}
