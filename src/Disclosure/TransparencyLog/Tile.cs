using System.Globalization;

namespace Reporting.Disclosure.TransparencyLog;

/// <summary>
/// A tile of c2sp.org/tlog-tiles: hashes Index·256 … Index·256 + Width − 1 of a level, where hash i of level L is the
/// MTH of leaves [i·256^L, (i+1)·256^L). A full tile holds 256 hashes; a partial one, 1 to 255.
/// </summary>
internal readonly record struct Tile
{
    public const int FullWidth = 256;

    /// <summary>The spec allows levels up to 63; a tree size that fits a long reaches level 7 at most.</summary>
    public const int MaxLevel = 7;

    public Tile(int level, long index, int width)
    {
        if (level is < 0 or > MaxLevel || index < 0 || width is < 1 or > FullWidth)
            throw new ArgumentOutOfRangeException(nameof(width), $"No tile at level {level}, index {index}, width {width}.");
        Level = level;
        Index = index;
        Width = width;
    }

    public int Level { get; }

    public long Index { get; }

    public int Width { get; }

    public bool IsFull => Width == FullWidth;

    /// <summary>How many leaves one hash of this tile covers: 256^Level.</summary>
    public long LeavesPerHash => 1L << (8 * Level);

    /// <summary>The index, among the hashes of its level, of the tile's first hash.</summary>
    public long FirstHash => Index * FullWidth;

    /// <summary><c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c>.</summary>
    public string HashTilePath => $"tile/{Level.ToString(CultureInfo.InvariantCulture)}/{PathSuffix}";

    /// <summary><c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>: the entries whose leaf hashes a level-0 tile holds.</summary>
    public string EntryBundlePath => Level == 0
        ? $"tile/entries/{PathSuffix}"
        : throw new InvalidOperationException("Only level-0 tiles have entry bundles.");

    private string PathSuffix => IsFull ? FormatIndex(Index) : $"{FormatIndex(Index)}.p/{Width.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// N in three-digit groups, every group but the last prefixed with <c>x</c> (1234067 → <c>x001/x234/067</c>), so
    /// that no directory holds more than a few thousand names and a file never shares its name with a directory.
    /// </summary>
    public static string FormatIndex(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var path = (index % 1000).ToString("000", CultureInfo.InvariantCulture);
        for (var rest = index / 1000; rest > 0; rest /= 1000)
            path = $"x{(rest % 1000).ToString("000", CultureInfo.InvariantCulture)}/{path}";
        return path;
    }

    /// <summary>
    /// Every tile a tree of this size consists of, level by level: the full tiles, then the partial tile of width
    /// floor(size / 256^L) mod 256 where that is not zero.
    /// </summary>
    public static IEnumerable<Tile> ForTreeSize(long treeSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(treeSize);
        for (var level = 0; level <= MaxLevel && treeSize >> (8 * level) > 0; level++)
        {
            var hashes = treeSize >> (8 * level);
            var fullTiles = hashes / FullWidth;
            for (long index = 0; index < fullTiles; index++)
                yield return new Tile(level, index, FullWidth);
            if (hashes % FullWidth != 0)
                yield return new Tile(level, fullTiles, (int)(hashes % FullWidth));
        }
    }
}
