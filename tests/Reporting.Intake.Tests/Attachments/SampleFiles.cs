using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Reporting.Intake.Tests.Attachments;

/// <summary>Small real files built byte by byte, with and without identifying metadata.</summary>
public static class SampleFiles
{
    public const string Author = "王秘书";
    public const string Gps = "39.9042N 116.4074E";
    public const string Time = "2026:03:14 09:26:53";

    /// <summary>
    /// An 8×8 grey baseline JPEG: one quantisation table, a frame, one-code Huffman tables, and a scan whose only
    /// block has DC difference 0 and end-of-block (bits 00, padded with ones).
    /// </summary>
    public static byte[] CleanJpeg()
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };
        jpeg.AddRange(Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
        jpeg.AddRange(Segment(0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]));
        jpeg.AddRange(Segment(0xC0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
        jpeg.AddRange(Segment(0xC4, [0x00, 1, .. new byte[15], 0]));
        jpeg.AddRange(Segment(0xC4, [0x10, 1, .. new byte[15], 0]));
        jpeg.AddRange(Segment(0xDA, [1, 1, 0x00, 0, 63, 0]));
        jpeg.AddRange([0x3F, 0xFF, 0xD9]);
        return [.. jpeg];
    }

    /// <summary>The same image with EXIF (author, GPS, time), XMP, IPTC and a comment put before the frame.</summary>
    public static byte[] JpegWithMetadata()
    {
        var clean = CleanJpeg();
        var jfifEnd = 2 + 2 + ((clean[4] << 8) | clean[5]);
        var metadata = new List<byte>();
        metadata.AddRange(Segment(0xE1, [.. "Exif\0\0"u8, .. Encoding.UTF8.GetBytes($"Artist={Author};GPS={Gps};DateTimeOriginal={Time}")]));
        metadata.AddRange(Segment(0xE1, [.. Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0"), .. Encoding.UTF8.GetBytes($"<x:xmpmeta><dc:creator>{Author}</dc:creator></x:xmpmeta>")]));
        metadata.AddRange(Segment(0xED, [.. "Photoshop 3.0\0"u8, .. Encoding.UTF8.GetBytes($"8BIM byline {Author}")]));
        metadata.AddRange(Segment(0xFE, Encoding.UTF8.GetBytes($"taken by {Author} at {Gps}")));
        return [.. clean[..jfifEnd], .. metadata, .. clean[jfifEnd..]];
    }

    public static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A 2×2 RGB PNG: red, green / blue, white.</summary>
    public static byte[] CleanPng() => Png(withMetadata: false);

    public static byte[] PngWithMetadata() => Png(withMetadata: true);

    public static readonly byte[] PngPixels = [0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255];

    private static byte[] Png(bool withMetadata)
    {
        var png = new List<byte>(PngSignature);
        png.AddRange(Chunk("IHDR", [0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]));
        if (withMetadata)
        {
            png.AddRange(Chunk("tEXt", [.. "Author\0"u8, .. Encoding.Latin1.GetBytes("Wang")]));
            png.AddRange(Chunk("iTXt", [.. "GPS\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes(Gps)]));
            png.AddRange(Chunk("zTXt", [.. "Comment\0\0"u8, .. Deflate(Encoding.UTF8.GetBytes(Author))]));
            png.AddRange(Chunk("tIME", [0x07, 0xEA, 3, 14, 9, 26, 53]));
            png.AddRange(Chunk("eXIf", [.. "MM\0*"u8, .. Encoding.UTF8.GetBytes(Time)]));
        }
        png.AddRange(Chunk("IDAT", Deflate(PngPixels)));
        png.AddRange(Chunk("IEND", []));
        return [.. png];
    }

    public static byte[] Inflate(byte[] zlib)
    {
        using var inflater = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        var output = new MemoryStream();
        inflater.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A Word document with an author, company, revision, times, a commented passage and a tracked change.</summary>
    public static byte[] DocxWithMetadata()
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""");
            Add(zip, "word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>举报材料正文</w:t></w:r><w:ins w:id="1" w:author="{Author}" w:date="2026-03-14T09:26:53Z"><w:r><w:t>补充</w:t></w:r></w:ins></w:p></w:body></w:document>""");
            Add(zip, "word/comments.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="{Author}" w:initials="WMS"><w:p><w:r><w:t>核实</w:t></w:r></w:p></w:comment></w:comments>""");
            Add(zip, "word/settings.xml", """<?xml version="1.0" encoding="UTF-8"?><w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:rsids><w:rsidRoot w:val="00A1B2C3"/></w:rsids></w:settings>""");
            Add(zip, "docProps/core.xml", $"""<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>情况反映</dc:title><dc:creator>{Author}</dc:creator><cp:lastModifiedBy>{Author}</cp:lastModifiedBy><cp:revision>7</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2026-03-14T09:26:53Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-15T10:00:00Z</dcterms:modified></cp:coreProperties>""");
            Add(zip, "docProps/app.xml", """<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>某市某局办公室</Company><TotalTime>42</TotalTime></Properties>""");
        }
        return output.ToArray();
    }

    public static string ReadEntry(byte[] zipBytes, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name);
        entry.LastWriteTime = new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.FromHours(8));
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. payload];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        var typeAndData = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typeAndData));
        return chunk;
    }

    private static byte[] Deflate(byte[] data)
    {
        var output = new MemoryStream();
        using (var deflater = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            deflater.Write(data);
        return output.ToArray();
    }

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, reflected, polynomial 0xEDB88320).</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc ^= value;
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
