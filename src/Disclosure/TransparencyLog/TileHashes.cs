namespace Reporting.Disclosure.TransparencyLog;

/// <summary>
/// The hashes of every level that tiles are cut from, computed once from the leaf hashes: level L + 1 holds the
/// roots of the full 256-hash runs of level L, so the whole set costs O(n) hashes however many tiles are asked for.
/// </summary>
internal sealed class TileHashes
{
    private readonly List<IReadOnlyList<byte[]>> _levels = [];

    public TileHashes(IReadOnlyList<byte[]> leafHashes)
    {
        _levels.Add(leafHashes);
        for (var below = leafHashes; below.Count >= Tile.FullWidth && _levels.Count <= Tile.MaxLevel;)
        {
            var level = new byte[below.Count / Tile.FullWidth][];
            for (var i = 0; i < level.Length; i++)
                level[i] = MerkleTree.RangeHash(below, (long)i * Tile.FullWidth, (long)(i + 1) * Tile.FullWidth);
            _levels.Add(level);
            below = level;
        }
    }

    /// <summary>The tile's bytes: its hashes, 32 bytes each, concatenated.</summary>
    public byte[] For(Tile tile)
    {
        if (tile.Level >= _levels.Count || tile.FirstHash + tile.Width > _levels[tile.Level].Count)
            throw new ArgumentOutOfRangeException(nameof(tile), $"{tile.HashTilePath} reaches beyond the {_levels[0].Count} leaves.");
        var hashes = _levels[tile.Level];
        var content = new byte[tile.Width * MerkleTree.HashSize];
        for (var i = 0; i < tile.Width; i++)
            hashes[(int)(tile.FirstHash + i)].CopyTo(content, i * MerkleTree.HashSize);
        return content;
    }
}
