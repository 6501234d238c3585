using System.Text;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Tests.TransparencyLog;

public class MerkleTreeTests
{
    [Fact]
    public void The_empty_tree_hashes_to_sha256_of_nothing()
    {
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", Convert.ToBase64String(MerkleTree.EmptyRootHash()));
        Assert.Equal(MerkleTree.EmptyRootHash(), MerkleTree.RootHash([]));
    }

    [Fact]
    public void A_leaf_hash_is_sha256_of_a_zero_byte_and_the_entry()
    {
        // golang/mod sumdb/tlog note_test.go: RecordHash("hello world").
        Assert.Equal("TszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=", Convert.ToBase64String(MerkleTree.LeafHash("hello world"u8)));
    }

    [Fact]
    public void A_tree_splits_at_the_largest_power_of_two_below_its_size()
    {
        var leaves = TestLog.LeafHashes(TestLog.Entries(7));
        var n = (byte[] l, byte[] r) => MerkleTree.NodeHash(l, r);
        var expected = n(n(n(leaves[0], leaves[1]), n(leaves[2], leaves[3])), n(n(leaves[4], leaves[5]), leaves[6]));

        Assert.Equal(expected, MerkleTree.RootHash(leaves));
        Assert.Equal(leaves[3], MerkleTree.RangeHash(leaves, 3, 4));
        Assert.Equal(n(leaves[4], leaves[5]), MerkleTree.RangeHash(leaves, 4, 6));
    }

    [Fact]
    public void A_node_hash_is_sha256_of_a_one_byte_and_both_children()
    {
        var left = MerkleTree.LeafHash("a"u8);
        var right = MerkleTree.LeafHash("b"u8);

        Assert.Equal(System.Security.Cryptography.SHA256.HashData([0x01, .. left, .. right]), MerkleTree.NodeHash(left, right));
        Assert.Throws<ArgumentException>(() => MerkleTree.NodeHash(left, Encoding.UTF8.GetBytes("short")));
    }
}
