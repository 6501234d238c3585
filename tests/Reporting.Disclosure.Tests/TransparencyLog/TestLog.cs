using System.Globalization;
using System.Text;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Tests.TransparencyLog;

/// <summary>Entries shaped like golang/mod sumdb/tlog's TestTree ("leaf 0", "leaf 1", …), and their leaf hashes.</summary>
internal static class TestLog
{
    public static byte[][] Entries(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"leaf {i}")))];

    public static byte[][] LeafHashes(IEnumerable<byte[]> entries) => [.. entries.Select(entry => MerkleTree.LeafHash(entry))];

    public static byte[] Flipped(byte[] bytes, int bit)
    {
        var copy = bytes.ToArray();
        copy[bit / 8 % copy.Length] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
