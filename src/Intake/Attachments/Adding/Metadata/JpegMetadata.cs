using System.Text;

namespace Reporting.Intake.Attachments.Adding.Metadata;

/// <summary>
/// Removes from a JPEG the segments that carry who, where and when: EXIF (camera serial, GPS, time), XMP (author,
/// tool history), IPTC/Photoshop (byline, location) and comments. Kept: JFIF, the ICC colour profile and the Adobe
/// segment, which decoders need, and everything from the start of scan on, byte for byte.
/// </summary>
public static class JpegMetadata
{
    private const byte App0 = 0xE0;
    private const byte App1 = 0xE1;
    private const byte App2 = 0xE2;
    private const byte App13 = 0xED;
    private const byte App14 = 0xEE;
    private const byte Comment = 0xFE;
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    /// <summary>The cleaned image and what was removed, or null when the file is not a JPEG this can walk.</summary>
    public static CleanedFile? Remove(byte[] jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
            return null;
        var output = new MemoryStream(jpeg.Length);
        output.Write(jpeg, 0, 2);
        var removed = new List<string>();
        var position = 2;
        while (position < jpeg.Length)
        {
            if (jpeg[position] != 0xFF)
                return null;
            var markerStart = position;
            while (position < jpeg.Length && jpeg[position] == 0xFF)
                position++;
            if (position >= jpeg.Length)
                return null;
            var marker = jpeg[position++];
            if (marker == EndOfImage || marker == 0x01 || marker is >= 0xD0 and <= 0xD7)
            {
                output.Write(jpeg, markerStart, position - markerStart);
                if (marker == EndOfImage)
                    return new CleanedFile(output.ToArray(), removed);
                continue;
            }
            if (position + 2 > jpeg.Length)
                return null;
            var length = (jpeg[position] << 8) | jpeg[position + 1];
            var end = position + length;
            if (length < 2 || end > jpeg.Length)
                return null;
            if (marker == StartOfScan)
            {
                // From here on the data is the image itself, through EOI: copied untouched.
                output.Write(jpeg, markerStart, jpeg.Length - markerStart);
                return new CleanedFile(output.ToArray(), removed);
            }
            var identifying = Identifying(marker, jpeg.AsSpan(position + 2, length - 2));
            if (identifying is null)
                output.Write(jpeg, markerStart, end - markerStart);
            else if (!removed.Contains(identifying))
                removed.Add(identifying);
            position = end;
        }
        return null;
    }

    private static string? Identifying(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        App0 when payload.StartsWith("JFIF\0"u8) => null,
        App2 when payload.StartsWith("ICC_PROFILE\0"u8) => null,
        App14 when payload.StartsWith("Adobe"u8) => null,
        App1 when payload.StartsWith("Exif\0"u8) => "EXIF",
        App1 when payload.StartsWith(Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/")) => "XMP",
        App13 => "IPTC",
        Comment => "JPEG comment",
        >= App0 and <= 0xEF => $"APP{marker - App0}",
        _ => null,
    };
}
