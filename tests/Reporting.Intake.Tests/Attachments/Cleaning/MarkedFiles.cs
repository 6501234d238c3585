using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Reporting.Testing.Tools;

namespace Reporting.Intake.Tests.Attachments.Cleaning;

/// <summary>
/// Real files with a known marker in their metadata: images drawn by ImageMagick and tagged by exiftool, archives made
/// by Info-ZIP's <c>zip</c>, and the formats those tools cannot write (PDF, ODT, MP3, WAV) written here byte by byte.
/// </summary>
internal sealed class MarkedFiles : IDisposable
{
    public const string Marker = "MARKER-7Q4Z";

    /// <summary>Debian's ImageMagick by its full path: a stand-in <c>convert</c> may come first on PATH.</summary>
    private const string ImageMagick = "/usr/bin/convert";

    public string Folder { get; } = Directory.CreateTempSubdirectory("marked-files-").FullName;

    public byte[] Jpeg() => TaggedImage("photo.jpg",
        $"-Artist={Marker}", $"-Make={Marker}", $"-Model={Marker}", $"-Software={Marker}", "-DateTimeOriginal=2026:03:14 09:26:53",
        "-GPSLatitude=39.9042", "-GPSLatitudeRef=N", "-GPSLongitude=116.4074", "-GPSLongitudeRef=E");

    public byte[] Png() => TaggedImage("screenshot.png", $"-PNG:Author={Marker}", $"-PNG:Software={Marker}");

    public byte[] Tiff() => TaggedImage("scan.tiff", $"-Artist={Marker}", $"-Software={Marker}");

    /// <summary>HEIC as iPhones take them, drawn by ImageMagick (libheif) and tagged by exiftool.</summary>
    public byte[] Heic() => TaggedImage("IMG_0001.heic", $"-Artist={Marker}", $"-Make={Marker}", "-GPSLatitude=39.9042", "-GPSLatitudeRef=N");

    /// <summary>A second of red video made by ffmpeg, with an artist, a comment and a shooting location (ISO 6709).</summary>
    public byte[] Mp4() => Media("clip.mp4", "-f", "lavfi", "-i", "color=c=red:s=64x48:d=1", "-c:v", "mpeg4");

    /// <summary>A voice memo as an iPhone saves it: AAC in an M4A container, made by ffmpeg.</summary>
    public byte[] M4a() => Media("memo.m4a", "-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "1", "-c:a", "aac");

    private byte[] Media(string name, params string[] input)
    {
        Tool("ffmpeg", ["-v", "error", "-y", .. input, "-metadata", $"artist={Marker}", "-metadata", $"comment={Marker}", "-metadata", "location=+39.9042+116.4074/", name]);
        return File.ReadAllBytes(Path.Combine(Folder, name));
    }

    public byte[] Gif() => TaggedImage("animation.gif", $"-Comment={Marker}");

    /// <summary>Another ZIP, as <c>zip</c> makes it, of a tagged photo and a PDF with an author.</summary>
    public byte[] Zip()
    {
        File.WriteAllBytes(Path.Combine(Folder, "letter.pdf"), Pdf());
        Jpeg();
        Tool("zip", "-q", "evidence.zip", "photo.jpg", "letter.pdf");
        return File.ReadAllBytes(Path.Combine(Folder, "evidence.zip"));
    }

    /// <summary>One page with the text "Hello evidence" and an information dictionary naming its author and software.</summary>
    public static byte[] Pdf()
    {
        var content = "BT /F1 12 Tf 20 100 Td (Hello evidence) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Author ({Marker}) /Creator ({Marker}) /Producer ({Marker}) /CreationDate (D:20260314092653+08'00') >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var index = 0; index < objects.Length; index++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{index + 1} 0 obj\n{objects[index]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>An OpenDocument text: <c>mimetype</c> first and stored, a manifest, content, and meta.xml with its creators.</summary>
    /// <param name="thumbnail">A PNG kept as <c>Thumbnails/thumbnail.png</c>, as LibreOffice saves every document.</param>
    public static byte[] Odt(byte[]? thumbnail = null)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "mimetype", "application/vnd.oasis.opendocument.text", CompressionLevel.NoCompression);
            Add(zip, "META-INF/manifest.xml", """<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>""");
            Add(zip, "content.xml", """<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>举报材料正文</text:p></office:text></office:body></office:document-content>""");
            Add(zip, "meta.xml", $"""<?xml version="1.0" encoding="UTF-8"?><office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2"><office:meta><meta:initial-creator>{Marker}</meta:initial-creator><dc:creator>{Marker}</dc:creator><meta:generator>{Marker}</meta:generator></office:meta></office:document-meta>""");
            if (thumbnail is not null)
                Add(zip, "Thumbnails/thumbnail.png", thumbnail);
        }
        return output.ToArray();
    }

    /// <summary>A Word document as Word writes its parts: content types, relationships, the text, and core and app properties naming its author.</summary>
    /// <param name="picture">A JPEG pasted into the text, kept as <c>word/media/image1.jpeg</c>.</param>
    public static byte[] Docx(byte[]? picture = null)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>""");
            Add(zip, "word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>举报材料正文</w:t></w:r></w:p></w:body></w:document>""");
            Add(zip, "docProps/core.xml", $"""<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>{Marker}</dc:creator><cp:lastModifiedBy>{Marker}</cp:lastModifiedBy></cp:coreProperties>""");
            if (picture is not null)
                Add(zip, "word/media/image1.jpeg", picture);
            Add(zip, "docProps/app.xml", $"""<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>{Marker}</Application><Company>{Marker}</Company></Properties>""");
        }
        return output.ToArray();
    }

    /// <summary>An ID3v2.3 tag (artist and encoder settings) before twenty silent MPEG-1 Layer III frames.</summary>
    public static byte[] Mp3() => [.. Id3Tag(), .. Enumerable.Range(0, 20).SelectMany(_ => SilentMp3Frame())];

    /// <summary>A second of 8 kHz mono silence with the same ID3 tag in an <c>id3 </c> chunk, as recorders write it.</summary>
    public static byte[] Wav()
    {
        var format = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(format, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(format.AsSpan(4), 8000);
        BinaryPrimitives.WriteUInt32LittleEndian(format.AsSpan(8), 16000);
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(12), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(format.AsSpan(14), 16);
        byte[] body = [.. "WAVE"u8, .. RiffChunk("fmt ", format), .. RiffChunk("data", new byte[16000]), .. RiffChunk("id3 ", Id3Tag())];
        return [.. RiffChunk("RIFF", body)];
    }

    private static byte[] Id3Tag()
    {
        byte[] frames = [.. Id3TextFrame("TPE1", Marker), .. Id3TextFrame("TSSE", Marker)];
        var size = frames.Length;
        byte[] syncsafe = [(byte)((size >> 21) & 0x7F), (byte)((size >> 14) & 0x7F), (byte)((size >> 7) & 0x7F), (byte)(size & 0x7F)];
        return [.. "ID3"u8, 3, 0, 0, .. syncsafe, .. frames];
    }

    private static byte[] Id3TextFrame(string id, string text)
    {
        byte[] data = [3, .. Encoding.UTF8.GetBytes(text)];
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(size, (uint)data.Length);
        return [.. Encoding.ASCII.GetBytes(id), .. size, 0, 0, .. data];
    }

    /// <summary>128 kbit/s, 44.1 kHz, no padding: 417 bytes, side information and data all zero.</summary>
    private static byte[] SilentMp3Frame() => [0xFF, 0xFB, 0x90, 0x00, .. new byte[413]];

    private static byte[] RiffChunk(string id, byte[] data)
    {
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        return [.. Encoding.ASCII.GetBytes(id), .. size, .. data, .. data.Length % 2 == 1 ? new byte[1] : []];
    }

    private static void Add(ZipArchive zip, string name, string content, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        entry.Write(content);
    }

    private byte[] TaggedImage(string name, params string[] tags)
    {
        Tool(ImageMagick, "-size", "64x48", "gradient:red-blue", name);
        Tool("exiftool", ["-q", "-overwrite_original", .. tags, name]);
        return File.ReadAllBytes(Path.Combine(Folder, name));
    }

    public string Tool(string tool, params string[] arguments)
    {
        var (exitCode, output, error) = ExternalTool.Run(tool, arguments, Folder);
        Assert.True(exitCode == 0, $"{tool} {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    /// <summary>What exiftool reads in a file: every tag of every group, or its error.</summary>
    public string ExifTool(byte[] file, string name)
    {
        var path = Path.Combine(Folder, "read-" + name);
        File.WriteAllBytes(path, file);
        return Tool("exiftool", "-a", "-G1", "-s", path);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
