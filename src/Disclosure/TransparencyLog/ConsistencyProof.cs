namespace Reporting.Disclosure.TransparencyLog;

/// <summary>
/// RFC 9162 §2.1.4: the hashes that show a tree of the old size is a prefix of the tree of the new size, so that
/// anyone holding two signed checkpoints can tell whether the log rewrote its past.
/// </summary>
internal static class ConsistencyProof
{
    /// <summary>
    /// PROOF(oldSize, D[0:newSize]) of RFC 9162 §2.1.4.1. Empty when the old tree is empty or the same tree: the
    /// empty tree is consistent with every tree (c2sp.org/tlog-witness), and equal sizes need equal roots.
    /// </summary>
    public static byte[][] Make(IReadOnlyList<byte[]> leafHashes, long oldSize, long newSize)
    {
        if (newSize > leafHashes.Count || oldSize < 0 || oldSize > newSize)
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"No consistency proof from {oldSize} to {newSize} ({leafHashes.Count} leaves known).");
        if (oldSize == 0 || oldSize == newSize)
            return [];

        // SUBPROOF(m, D[start:end], wholeOldTree), unrolled: the siblings come root-side first and are reversed.
        var siblings = new List<byte[]>();
        long start = 0, end = newSize, m = oldSize;
        var wholeOldTree = true;
        while (m != end - start)
        {
            var k = MerkleTree.LargestPowerOfTwoBelow(end - start);
            if (m <= k)
            {
                siblings.Add(MerkleTree.RangeHash(leafHashes, start + k, end));
                end = start + k;
            }
            else
            {
                siblings.Add(MerkleTree.RangeHash(leafHashes, start, start + k));
                start += k;
                m -= k;
                wholeOldTree = false;
            }
        }
        // The verifier already holds the old root, so a subtree that is the whole old tree is left out.
        if (!wholeOldTree)
            siblings.Add(MerkleTree.RangeHash(leafHashes, start, end));
        siblings.Reverse();
        return [.. siblings];
    }

    /// <summary>RFC 9162 §2.1.4.2 step by step, with the edge cases of c2sp.org/tlog-witness for 0 and equal sizes.</summary>
    public static bool Verify(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        if (oldSize < 0 || oldSize > newSize || oldRoot.Length != MerkleTree.HashSize || newRoot.Length != MerkleTree.HashSize)
            return false;
        if (oldSize == 0)
            return proof.Count == 0 && oldRoot.SequenceEqual(MerkleTree.EmptyRootHash());
        if (oldSize == newSize)
            return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        if (proof.Count == 0 || proof.Any(hash => hash.Length != MerkleTree.HashSize))
            return false;

        IReadOnlyList<byte[]> path = (oldSize & (oldSize - 1)) == 0 ? [oldRoot.ToArray(), .. proof] : proof;
        var fn = oldSize - 1;
        var sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
                return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleTree.NodeHash(c, fr);
                sr = MerkleTree.NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleTree.NodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return oldRoot.SequenceEqual(fr) && newRoot.SequenceEqual(sr) && sn == 0;
    }
}
