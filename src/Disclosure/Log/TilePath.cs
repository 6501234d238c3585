using System.Globalization;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Log;

/// <summary>Reads the part of a tile URL after <c>tile/</c>: <c>&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> or <c>entries/&lt;N&gt;[.p/&lt;W&gt;]</c>, in the one spelling the spec writes.</summary>
internal static class TilePath
{
    public static bool TryParse(string path, out Tile tile, out bool entries)
    {
        tile = default;
        entries = false;
        var parts = path.Split('/');
        if (parts.Length < 2)
            return false;
        int level;
        if (parts[0] == "entries")
        {
            entries = true;
            level = 0;
        }
        else if (!(parts[0].Length == 1 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out level)) || level > Tile.MaxLevel)
            return false;
        var width = Tile.FullWidth;
        var last = parts.Length - 1;
        if (parts[last - 0].Contains('.', StringComparison.Ordinal))
            return false;
        if (parts.Length >= 3 && parts[last - 1].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!int.TryParse(parts[last], NumberStyles.None, CultureInfo.InvariantCulture, out width) || width is < 1 or > 255
                || width.ToString(CultureInfo.InvariantCulture) != parts[last])
                return false;
            parts[last - 1] = parts[last - 1][..^2];
            last--;
        }
        var groups = parts[1..(last + 1)];
        long index = 0;
        for (var i = 0; i < groups.Length; i++)
        {
            var group = i < groups.Length - 1 ? (groups[i].StartsWith('x') ? groups[i][1..] : "") : groups[i];
            if (group.Length != 3 || !group.All(char.IsAsciiDigit))
                return false;
            index = checked(index * 1000 + int.Parse(group, CultureInfo.InvariantCulture));
        }
        if (Tile.FormatIndex(index) != string.Join('/', groups))
            return false;
        tile = new Tile(level, index, width);
        return true;
    }
}
