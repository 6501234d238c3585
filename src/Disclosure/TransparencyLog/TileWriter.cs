namespace Reporting.Disclosure.TransparencyLog;

/// <summary>The files of a static tlog-tiles export, paths relative to the log's prefix.</summary>
internal static class TileWriter
{
    /// <summary>
    /// Every full hash tile and entry bundle of the largest checkpointed tree, and the partial ones of every tree size
    /// that was ever checkpointed: a client holding an old checkpoint fetches exactly the partial tiles of that size,
    /// so they stay published after the tree grows past them. Leaves beyond the largest checkpoint are left out, since
    /// nothing signed covers them yet.
    /// </summary>
    public static IEnumerable<(string Path, byte[] Content)> FilesToPublish(IReadOnlyList<byte[]> leafHashes, IReadOnlyList<byte[]> entries, IEnumerable<long> checkpointedSizes)
    {
        if (leafHashes.Count != entries.Count)
            throw new ArgumentException($"{leafHashes.Count} leaf hashes for {entries.Count} entries.", nameof(entries));
        var sizes = checkpointedSizes.Distinct().Order().ToList();
        if (sizes.Any(size => size < 0 || size > leafHashes.Count))
            throw new ArgumentOutOfRangeException(nameof(checkpointedSizes), $"A checkpointed size is beyond the {leafHashes.Count} leaves.");
        return Files(leafHashes, entries, sizes);
    }

    private static IEnumerable<(string Path, byte[] Content)> Files(IReadOnlyList<byte[]> leafHashes, IReadOnlyList<byte[]> entries, List<long> sizes)
    {
        var hashes = new TileHashes(leafHashes);
        var written = new HashSet<Tile>();
        var tiles = Tile.ForTreeSize(sizes.LastOrDefault()).Concat(sizes.SelectMany(size => Tile.ForTreeSize(size).Where(tile => !tile.IsFull)));
        foreach (var tile in tiles.Where(written.Add))
        {
            yield return (tile.HashTilePath, hashes.For(tile));
            if (tile.Level == 0)
                yield return (tile.EntryBundlePath, EntryBundle.Encode(Enumerable.Range((int)tile.FirstHash, tile.Width).Select(i => entries[i])));
        }
    }
}
