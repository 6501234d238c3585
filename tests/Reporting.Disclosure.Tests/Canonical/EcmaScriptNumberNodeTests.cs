using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Reporting.Disclosure.Canonical;
using Reporting.Testing.Tools;

namespace Reporting.Disclosure.Tests.Canonical;

/// <summary>Our number serialization against Node's own <c>JSON.stringify</c>, the ECMAScript behaviour RFC 8785 adopts.</summary>
public class EcmaScriptNumberNodeTests
{
    private const string Script = """
        const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
        const out = lines.map((hex) => {
          const view = new DataView(new ArrayBuffer(8));
          view.setBigUint64(0, BigInt('0x' + hex));
          return JSON.stringify(view.getFloat64(0));
        });
        process.stdout.write(out.join('\n'));
        """;

    [FactNeedingTool("node", "nodejs")]
    public void Twenty_thousand_random_and_edge_doubles_are_written_as_node_writes_them()
    {
        var bits = new List<ulong> { 0x0000000000000001, 0x7fefffffffffffff, 0x4340000000000000, 0x44b52d02c7e14af5, 0x44b52d02c7e14af6, 0x444b1ae4d6e2ef50, 0x3eb0c6f7a0b5ed8c, 0x3eb0c6f7a0b5ed8d };
        Span<byte> random = stackalloc byte[8];
        while (bits.Count < 20_000)
        {
            RandomNumberGenerator.Fill(random);
            var pattern = BinaryPrimitives.ReadUInt64BigEndian(random);
            // Half the draws near everyday magnitudes, where the formatting switches between its forms.
            if (bits.Count % 2 == 0)
                pattern = BitConverter.DoubleToUInt64Bits(BitConverter.UInt64BitsToDouble(pattern >> 12 | 0x3ff0000000000000) * Math.Pow(10, (int)(pattern % 50) - 25));
            if (double.IsFinite(BitConverter.UInt64BitsToDouble(pattern)))
                bits.Add(pattern);
        }

        var folder = Directory.CreateTempSubdirectory("reporting-jcs-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "numbers.js"), Script);
            var (exitCode, output, error) = ExternalTool.Run("node", ["numbers.js"], folder, string.Join('\n', bits.Select(b => b.ToString("x16", CultureInfo.InvariantCulture))));
            Assert.True(exitCode == 0, error);
            var expected = output.Split('\n');
            Assert.Equal(bits.Count, expected.Length);
            for (var i = 0; i < bits.Count; i++)
                Assert.True(expected[i] == EcmaScriptNumber.Format(BitConverter.UInt64BitsToDouble(bits[i])), $"{bits[i]:x16}: node {expected[i]}, ours {EcmaScriptNumber.Format(BitConverter.UInt64BitsToDouble(bits[i]))}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
