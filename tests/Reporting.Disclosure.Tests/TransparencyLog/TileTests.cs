using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Tests.TransparencyLog;

public class TileTests
{
    [Theory]
    // c2sp.org/tlog-tiles, and golang/mod sumdb/tlog tlog_test.go's tile paths re-expressed at height 8.
    [InlineData(1234067, "x001/x234/067")]
    [InlineData(5, "005")]
    [InlineData(0, "000")]
    [InlineData(1, "001")]
    [InlineData(1000, "x001/000")]
    [InlineData(123456078, "x123/x456/078")]
    [InlineData(3057500, "x003/x057/500")]
    public void Tile_indexes_are_written_in_three_digit_groups(long index, string path)
    {
        Assert.Equal(path, Tile.FormatIndex(index));
    }

    [Fact]
    public void Paths_name_the_level_index_and_width_of_partial_tiles()
    {
        Assert.Equal("tile/0/x001/x234/067", new Tile(0, 1234067, 256).HashTilePath);
        Assert.Equal("tile/3/x001/x234/067.p/1", new Tile(3, 1234067, 1).HashTilePath);
        Assert.Equal("tile/entries/005", new Tile(0, 5, 256).EntryBundlePath);
        Assert.Equal("tile/entries/273.p/112", new Tile(0, 273, 112).EntryBundlePath);
        Assert.Throws<InvalidOperationException>(() => new Tile(1, 0, 256).EntryBundlePath);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tile(0, 0, 257));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tile(0, 0, 0));
    }

    [Fact]
    public void A_tree_of_70000_has_the_tiles_the_spec_lists()
    {
        var tiles = Tile.ForTreeSize(70_000).ToList();

        Assert.Equal(273, tiles.Count(tile => tile is { Level: 0, IsFull: true }));
        Assert.Equal(["tile/0/273.p/112", "tile/1/001.p/17", "tile/2/000.p/1"], tiles.Where(tile => !tile.IsFull).Select(tile => tile.HashTilePath));
        Assert.Equal(["tile/1/000"], tiles.Where(tile => tile is { Level: 1, IsFull: true }).Select(tile => tile.HashTilePath));
        Assert.Equal(273 + 1 + 1 + 1 + 1, tiles.Count);
    }

    [Fact]
    public void A_tree_of_256_is_one_full_tile_and_a_level_1_tile_of_width_1()
    {
        Assert.Equal(["tile/0/000", "tile/1/000.p/1"], Tile.ForTreeSize(256).Select(tile => tile.HashTilePath));
        Assert.Empty(Tile.ForTreeSize(0));
    }

    [Fact]
    public void Tile_hashes_are_the_roots_of_the_subtrees_below_them()
    {
        var leaves = TestLog.LeafHashes(TestLog.Entries(70_000));
        var tiles = new TileHashes(leaves);

        Assert.Equal(leaves[256..512].SelectMany(hash => hash), tiles.For(new Tile(0, 1, 256)));
        Assert.Equal(leaves[(273 * 256)..].SelectMany(hash => hash), tiles.For(new Tile(0, 273, 112)));
        var level1 = tiles.For(new Tile(1, 1, 17));
        Assert.Equal(17 * 32, level1.Length);
        Assert.Equal(MerkleTree.RangeHash(leaves, (256 + 16) * 256, (256 + 17) * 256), level1[(16 * 32)..]);
        Assert.Equal(MerkleTree.RangeHash(leaves, 0, 65536), tiles.For(new Tile(2, 0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => tiles.For(new Tile(0, 273, 113)));
        Assert.Throws<ArgumentOutOfRangeException>(() => tiles.For(new Tile(2, 0, 2)));
    }

    [Fact]
    public void The_writer_publishes_full_tiles_and_the_partial_tiles_of_every_checkpointed_size()
    {
        var entries = TestLog.Entries(700);
        var leaves = TestLog.LeafHashes(entries);

        var files = TileWriter.FilesToPublish(leaves, entries, [3, 300, 301, 600, 600]).ToDictionary(file => file.Path, file => file.Content);

        Assert.Equal(
            ["tile/0/000", "tile/entries/000", "tile/0/001", "tile/entries/001", "tile/0/002.p/88", "tile/entries/002.p/88", "tile/1/000.p/2",
             "tile/0/000.p/3", "tile/entries/000.p/3", "tile/0/001.p/44", "tile/entries/001.p/44", "tile/1/000.p/1", "tile/0/001.p/45", "tile/entries/001.p/45"],
            files.Keys);
        Assert.Equal(entries[256..301], EntryBundle.Decode(files["tile/entries/001.p/45"]));
        Assert.Equal(leaves[256..300].SelectMany(hash => hash), files["tile/0/001.p/44"]);
        Assert.Empty(TileWriter.FilesToPublish(leaves, entries, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => TileWriter.FilesToPublish(leaves, entries, [701]));
        Assert.Throws<ArgumentException>(() => TileWriter.FilesToPublish(leaves, entries[1..], [1]));
    }
}
