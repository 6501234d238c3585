using System.Security.Cryptography;

namespace Reporting.Disclosure.TransparencyLog;

/// <summary>
/// RFC 6962 §2.1 (= RFC 9162 §2.1) hashing with SHA-256. The 0x00 and 0x01 prefixes keep a leaf from ever being
/// read as an interior node, so no entry can be passed off as a subtree.
/// </summary>
internal static class MerkleTree
{
    public const int HashSize = 32;

    /// <summary>MTH of the empty tree, SHA-256 of the empty string.</summary>
    public static byte[] EmptyRootHash() => SHA256.HashData([]);

    public static byte[] LeafHash(ReadOnlySpan<byte> entry)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData([0x00]);
        hash.AppendData(entry);
        return hash.GetHashAndReset();
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != HashSize || right.Length != HashSize)
            throw new ArgumentException("A Merkle node joins two 32-byte hashes.");
        Span<byte> input = stackalloc byte[1 + 2 * HashSize];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + HashSize)..]);
        return SHA256.HashData(input);
    }

    /// <summary>MTH of all the leaves.</summary>
    public static byte[] RootHash(IReadOnlyList<byte[]> leafHashes) => RangeHash(leafHashes, 0, leafHashes.Count);

    /// <summary>
    /// MTH(D[start:end]), in one pass over the range. Given the roots of equal, aligned, power-of-two subtrees
    /// instead of leaf hashes, it yields the root of the subtree they make up, which is how tile hashes are stacked.
    /// </summary>
    public static byte[] RangeHash(IReadOnlyList<byte[]> leafHashes, long start, long end)
    {
        if (start < 0 || end > leafHashes.Count || start > end)
            throw new ArgumentOutOfRangeException(nameof(end), $"[{start}, {end}) is not a range of the {leafHashes.Count} leaves.");
        if (start == end)
            return EmptyRootHash();
        // A copy, so that a proof or tile handed out never shares an array with the caller's leaves.
        return end - start == 1 ? leafHashes[(int)start].ToArray() : SubtreeHash(leafHashes, start, end);
    }

    private static byte[] SubtreeHash(IReadOnlyList<byte[]> leafHashes, long start, long end)
    {
        if (end - start == 1)
            return leafHashes[(int)start];
        var split = start + LargestPowerOfTwoBelow(end - start);
        return NodeHash(SubtreeHash(leafHashes, start, split), SubtreeHash(leafHashes, split, end));
    }

    /// <summary>The k of RFC 9162 §2.1.1: the largest power of two smaller than n, for n ≥ 2.</summary>
    public static long LargestPowerOfTwoBelow(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));
}
