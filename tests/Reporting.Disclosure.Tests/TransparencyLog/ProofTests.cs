using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Tests.TransparencyLog;

/// <summary>Every tree of 1 to 40 leaves, every leaf and every old size: the proofs made verify, altered ones do not.</summary>
public class ProofTests
{
    private const int Largest = 40;
    private static readonly byte[][] Leaves = TestLog.LeafHashes(TestLog.Entries(Largest));
    private static readonly byte[][] Roots = [.. Enumerable.Range(0, Largest + 1).Select(size => MerkleTree.RangeHash(Leaves, 0, size))];

    public static TheoryData<int> Sizes() => [.. Enumerable.Range(1, Largest)];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Inclusion_proofs_verify_and_altered_ones_are_refused(int size)
    {
        for (var index = 0; index < size; index++)
        {
            var proof = InclusionProof.Make(Leaves, index, size);
            Assert.True(InclusionProof.Verify(index, size, Leaves[index], proof, Roots[size]), $"leaf {index} of {size}");

            for (var bit = 0; bit < proof.Length * 256; bit += 37)
                Assert.False(InclusionProof.Verify(index, size, Leaves[index], Altered(proof, bit), Roots[size]));
            Assert.False(InclusionProof.Verify(index, size, TestLog.Flipped(Leaves[index], 3), proof, Roots[size]));
            Assert.False(InclusionProof.Verify(index, size, Leaves[index], proof, TestLog.Flipped(Roots[size], 200)));
            for (var other = 0; other <= size; other++)
            {
                if (other != index)
                    Assert.False(InclusionProof.Verify(other, size, Leaves[index], proof, Roots[size]), $"leaf {index} of {size} as leaf {other}");
            }
            // Another size is only ever checked against that size's own root: a checkpoint binds the two.
            for (var otherSize = index + 1; otherSize <= Largest; otherSize++)
            {
                if (otherSize != size)
                    Assert.False(InclusionProof.Verify(index, otherSize, Leaves[index], proof, Roots[otherSize]), $"leaf {index} of {size} in {otherSize}");
            }
            if (proof.Length > 0)
            {
                Assert.False(InclusionProof.Verify(index, size, Leaves[index], proof[..^1], Roots[size]));
                Assert.False(InclusionProof.Verify(index, size, Leaves[index], proof[1..], Roots[size]));
            }
            Assert.False(InclusionProof.Verify(index, size, Leaves[index], [.. proof, Leaves[0]], Roots[size]));
            Assert.False(InclusionProof.Verify(index, size, Leaves[index], [Leaves[0], .. proof], Roots[size]));
        }
        Assert.False(InclusionProof.Verify(size, size, Leaves[0], [], Roots[size]));
        Assert.False(InclusionProof.Verify(-1, size, Leaves[0], [], Roots[size]));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Consistency_proofs_verify_and_altered_ones_are_refused(int size)
    {
        for (var old = 1; old < size; old++)
        {
            var proof = ConsistencyProof.Make(Leaves, old, size);
            Assert.True(ConsistencyProof.Verify(old, size, Roots[old], Roots[size], proof), $"{old} → {size}");

            for (var bit = 0; bit < proof.Length * 256; bit += 29)
                Assert.False(ConsistencyProof.Verify(old, size, Roots[old], Roots[size], Altered(proof, bit)));
            Assert.False(ConsistencyProof.Verify(old, size, TestLog.Flipped(Roots[old], 9), Roots[size], proof));
            Assert.False(ConsistencyProof.Verify(old, size, Roots[old], TestLog.Flipped(Roots[size], 9), proof));
            for (var otherOld = 1; otherOld <= size; otherOld++)
            {
                if (otherOld != old)
                    Assert.False(ConsistencyProof.Verify(otherOld, size, Roots[otherOld], Roots[size], proof), $"{old} → {size} as {otherOld} → {size}");
            }
            for (var otherSize = old; otherSize <= Largest; otherSize++)
            {
                if (otherSize != size)
                    Assert.False(ConsistencyProof.Verify(old, otherSize, Roots[old], Roots[otherSize], proof), $"{old} → {size} as {old} → {otherSize}");
            }
            Assert.False(ConsistencyProof.Verify(old, size, Roots[old], Roots[size], proof[..^1]));
            Assert.False(ConsistencyProof.Verify(old, size, Roots[old], Roots[size], proof[1..]));
            Assert.False(ConsistencyProof.Verify(old, size, Roots[old], Roots[size], [.. proof, Leaves[0]]));
            Assert.False(ConsistencyProof.Verify(old, size, Roots[old], Roots[size], [Roots[old], .. proof]));
            Assert.False(ConsistencyProof.Verify(size, old, Roots[size], Roots[old], proof));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_empty_tree_and_the_same_tree_are_consistent_with_no_proof(int size)
    {
        Assert.Empty(ConsistencyProof.Make(Leaves, 0, size));
        Assert.Empty(ConsistencyProof.Make(Leaves, size, size));

        Assert.True(ConsistencyProof.Verify(0, size, MerkleTree.EmptyRootHash(), Roots[size], []));
        Assert.True(ConsistencyProof.Verify(size, size, Roots[size], Roots[size], []));

        Assert.False(ConsistencyProof.Verify(0, size, MerkleTree.EmptyRootHash(), Roots[size], [Roots[size]]));
        Assert.False(ConsistencyProof.Verify(0, size, Roots[1], Roots[size], []));
        Assert.False(ConsistencyProof.Verify(size, size, Roots[size], Roots[size], [Roots[size]]));
        Assert.False(ConsistencyProof.Verify(size, size, Roots[size - 1], Roots[size], []));
    }

    [Fact]
    public void Proofs_are_refused_for_leaves_and_sizes_the_tree_does_not_have()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InclusionProof.Make(Leaves, 5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => InclusionProof.Make(Leaves, 0, Largest + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsistencyProof.Make(Leaves, 6, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsistencyProof.Make(Leaves, 1, Largest + 1));
    }

    [Fact]
    public void Proof_lengths_follow_the_tree_shape()
    {
        // RFC 9162 §2.1.5's example tree of 7 leaves: d0's path is 3 hashes, d6's is 2; PROOF(3, D[7]) has 4, PROOF(4, D[7]) has 1.
        Assert.Equal(3, InclusionProof.Make(Leaves, 0, 7).Length);
        Assert.Equal(2, InclusionProof.Make(Leaves, 6, 7).Length);
        Assert.Equal(4, ConsistencyProof.Make(Leaves, 3, 7).Length);
        Assert.Single(ConsistencyProof.Make(Leaves, 4, 7));
        Assert.Equal(3, ConsistencyProof.Make(Leaves, 6, 7).Length);
    }

    private static byte[][] Altered(byte[][] proof, int bit)
    {
        var copy = proof.ToArray();
        copy[bit / 256] = TestLog.Flipped(copy[bit / 256], bit % 256);
        return copy;
    }
}
