using System.IO.Compression;
using System.Text;

namespace Reporting.Intake.Attachments.Cleaning;

/// <param name="Extension">The name the file is given inside the sandbox: mat2 picks its parser by extension, so this is how our reading of the bytes, not the informant's name, decides.</param>
/// <param name="Mat2Cleans">False for the kinds recognised here that mat2 0.13 has no parser for (M4A, AMR, plain text).</param>
public sealed record FileKind(string ContentType, string Extension, bool Mat2Cleans)
{
    public bool IsArchive => ContentType == FileKinds.Zip.ContentType;
}

/// <summary>What a file is, from its first bytes and, for ZIP, the entries that name its format: never from its name or the client's Content-Type.</summary>
public static class FileKinds
{
    public static readonly FileKind Pdf = new("application/pdf", ".pdf", true);
    public static readonly FileKind Zip = new("application/zip", ".zip", true);
    public static readonly FileKind Jpeg = new("image/jpeg", ".jpg", true);
    public static readonly FileKind Png = new("image/png", ".png", true);
    public static readonly FileKind Gif = new("image/gif", ".gif", true);
    public static readonly FileKind Tiff = new("image/tiff", ".tiff", true);
    public static readonly FileKind Heic = new("image/heic", ".heic", true);
    public static readonly FileKind Mp3 = new("audio/mpeg", ".mp3", true);
    public static readonly FileKind Wav = new("audio/x-wav", ".wav", true);
    public static readonly FileKind Ogg = new("audio/ogg", ".ogg", true);
    public static readonly FileKind Flac = new("audio/flac", ".flac", true);
    public static readonly FileKind Mp4 = new("video/mp4", ".mp4", true);
    public static readonly FileKind Avi = new("video/x-msvideo", ".avi", true);
    public static readonly FileKind M4a = new("audio/mp4", ".m4a", false);
    public static readonly FileKind Amr = new("audio/amr", ".amr", false);
    public static readonly FileKind Text = new("text/plain", ".txt", false);
    public static readonly FileKind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", true);
    public static readonly FileKind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", true);
    public static readonly FileKind Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", true);

    /// <summary>ODF and EPUB name their own type in a first entry called <c>mimetype</c>.</summary>
    private static readonly Dictionary<string, FileKind> NamedByMimetypeEntry = new[]
    {
        new FileKind("application/vnd.oasis.opendocument.text", ".odt", true),
        new FileKind("application/vnd.oasis.opendocument.spreadsheet", ".ods", true),
        new FileKind("application/vnd.oasis.opendocument.presentation", ".odp", true),
        new FileKind("application/vnd.oasis.opendocument.graphics", ".odg", true),
        new FileKind("application/epub+zip", ".epub", true),
    }.ToDictionary(kind => kind.ContentType, StringComparer.Ordinal);

    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "mif1", "msf1"];
    private static readonly string[] Mp4Brands = ["isom", "iso2", "mp41", "mp42", "avc1", "M4V ", "qt  ", "3gp4", "3gp5"];

    /// <summary>Null when the bytes match nothing in the table: such a file is refused, whatever it is called.</summary>
    public static FileKind? Detect(byte[] bytes)
    {
        ReadOnlySpan<byte> head = bytes;
        if (head.StartsWith("%PDF-"u8))
            return Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return Png;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return Gif;
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
            return Tiff;
        if (head.StartsWith("ID3"u8) || (head.Length > 1 && head[0] == 0xFF && (head[1] & 0xE6) == 0xE2))
            return Mp3;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
            return head[8..12].SequenceEqual("WAVE"u8) ? Wav : head[8..12].SequenceEqual("AVI "u8) ? Avi : null;
        if (head.StartsWith("#!AMR"u8))
            return Amr;
        if (head.StartsWith("OggS"u8))
            return Ogg;
        if (head.StartsWith("fLaC"u8))
            return Flac;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
            return IsoMediaKind(Encoding.ASCII.GetString(head[8..12]));
        if (head.StartsWith("PK\u0003\u0004"u8))
            return ZipKind(bytes);
        return IsPlainText(bytes) ? Text : null;
    }

    private static FileKind? IsoMediaKind(string brand) =>
        HeifBrands.Contains(brand) ? Heic
        : brand is "M4A " or "M4B " ? M4a
        : Mp4Brands.Contains(brand) ? Mp4
        : null;

    private static FileKind? ZipKind(byte[] bytes)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (archive.GetEntry("mimetype") is { Length: < 100 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return NamedByMimetypeEntry.GetValueOrDefault(reader.ReadToEnd().Trim()) ?? Zip;
            }
            if (archive.GetEntry("[Content_Types].xml") is null)
                return Zip;
            if (archive.GetEntry("word/document.xml") is not null)
                return Docx;
            if (archive.GetEntry("xl/workbook.xml") is not null)
                return Xlsx;
            return archive.GetEntry("ppt/presentation.xml") is not null ? Pptx : Zip;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// UTF-8 without control characters other than whitespace, and not markup: HTML or SVG is active content a
    /// browser would run, so a file that opens with <c>&lt;</c> is not text here.
    /// </summary>
    private static bool IsPlainText(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        if (text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<'))
            return false;
        return !text.Any(character => char.IsControl(character) && character is not ('\t' or '\r' or '\n'));
    }
}
