namespace Reporting.Disclosure.TransparencyLog;

/// <summary>RFC 9162 §2.1.3: the audit path that binds one leaf to the root of a tree of a given size.</summary>
internal static class InclusionProof
{
    /// <summary>PATH(index, D[0:treeSize]) of RFC 9162 §2.1.3.1, the leaf's sibling first.</summary>
    public static byte[][] Make(IReadOnlyList<byte[]> leafHashes, long index, long treeSize)
    {
        if (treeSize > leafHashes.Count || index < 0 || index >= treeSize)
            throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of size {treeSize} ({leafHashes.Count} leaves known).");

        // Walking down from the root meets the siblings root-side first; the proof lists them leaf-side first.
        var siblings = new List<byte[]>();
        long start = 0, end = treeSize;
        while (end - start > 1)
        {
            var split = start + MerkleTree.LargestPowerOfTwoBelow(end - start);
            if (index < split)
            {
                siblings.Add(MerkleTree.RangeHash(leafHashes, split, end));
                end = split;
            }
            else
            {
                siblings.Add(MerkleTree.RangeHash(leafHashes, start, split));
                start = split;
            }
        }
        siblings.Reverse();
        return [.. siblings];
    }

    /// <summary>RFC 9162 §2.1.3.2, step by step.</summary>
    public static bool Verify(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> rootHash)
    {
        if (index < 0 || index >= treeSize || leafHash.Length != MerkleTree.HashSize)
            return false;
        var fn = index;
        var sn = treeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in proof)
        {
            if (sn == 0 || p.Length != MerkleTree.HashSize)
                return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleTree.NodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleTree.NodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && rootHash.SequenceEqual(r);
    }
}
