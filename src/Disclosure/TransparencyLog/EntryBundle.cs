using System.Buffers.Binary;

namespace Reporting.Disclosure.TransparencyLog;

/// <summary>The entries of a level-0 tile as c2sp.org/tlog-tiles serves them: each one as uint16-BE length ‖ bytes.</summary>
internal static class EntryBundle
{
    public const int MaxEntryLength = ushort.MaxValue;

    public static byte[] Encode(IEnumerable<byte[]> entries)
    {
        using var bundle = new MemoryStream();
        Span<byte> length = stackalloc byte[2];
        foreach (var entry in entries)
        {
            if (entry.Length > MaxEntryLength)
                throw new ArgumentException($"An entry of {entry.Length} bytes does not fit the 16-bit length of an entry bundle.", nameof(entries));
            BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)entry.Length);
            bundle.Write(length);
            bundle.Write(entry);
        }
        return bundle.ToArray();
    }

    /// <exception cref="FormatException">A length runs past the end of the bundle.</exception>
    public static IReadOnlyList<byte[]> Decode(ReadOnlySpan<byte> bundle)
    {
        var entries = new List<byte[]>();
        while (!bundle.IsEmpty)
        {
            if (bundle.Length < 2)
                throw new FormatException("The entry bundle ends inside a length prefix.");
            var length = BinaryPrimitives.ReadUInt16BigEndian(bundle);
            if (bundle.Length < 2 + length)
                throw new FormatException($"The entry bundle ends inside an entry of {length} bytes.");
            entries.Add(bundle.Slice(2, length).ToArray());
            bundle = bundle[(2 + length)..];
        }
        return entries;
    }
}
