using System.Buffers.Binary;
using System.Text;

namespace Reporting.Intake.Attachments.Adding.Metadata;

/// <summary>
/// Removes from a PNG the chunks that carry words and times: tEXt, zTXt and iTXt (author, software, comments, often
/// GPS), tIME (last modification) and eXIf. Every other chunk is copied with its CRC, so the image decodes as before.
/// </summary>
public static class PngMetadata
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly Dictionary<string, string> Identifying = new(StringComparer.Ordinal)
    {
        ["tEXt"] = "PNG text",
        ["zTXt"] = "PNG compressed text",
        ["iTXt"] = "PNG international text",
        ["tIME"] = "PNG modification time",
        ["eXIf"] = "EXIF",
    };

    /// <summary>The cleaned image and what was removed, or null when the file is not a PNG this can walk.</summary>
    public static CleanedFile? Remove(byte[] png)
    {
        if (!png.AsSpan().StartsWith(Signature))
            return null;
        var output = new MemoryStream(png.Length);
        output.Write(Signature);
        var removed = new List<string>();
        var position = Signature.Length;
        while (position + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position, 4));
            if (length > int.MaxValue || position + 12 + (long)length > png.Length)
                return null;
            var type = Encoding.ASCII.GetString(png, position + 4, 4);
            var chunkLength = 12 + (int)length;
            if (Identifying.TryGetValue(type, out var what))
            {
                if (!removed.Contains(what))
                    removed.Add(what);
            }
            else
            {
                output.Write(png, position, chunkLength);
            }
            position += chunkLength;
            if (type == "IEND")
                return new CleanedFile(output.ToArray(), removed);
        }
        return null;
    }
}
