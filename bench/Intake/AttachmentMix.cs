using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Reporting.Intake.Bench;

/// <summary>
/// The evidence an informant typically sends, at typical sizes: a 4 MB phone photo (noise drawn by ImageMagick, tagged
/// by exiftool with a camera, an author and a GPS position), a 2 MB scanned letter as a PDF (one page holding a JPEG
/// scan, with an author and software in its information dictionary), and a 1 MB Word document (text, a pasted
/// picture and the usual core and app properties).
/// </summary>
public sealed record AttachmentMix(IReadOnlyList<(string Name, string ContentType, byte[] Bytes)> Files)
{
    public static AttachmentMix Make(string folder)
    {
        Directory.CreateDirectory(folder);
        var photo = Jpeg(folder, "IMG_0001.jpg", 3000, 2200);
        Run(folder, "exiftool", "-q", "-overwrite_original", "-Artist=Bench", "-Make=Phone", "-Model=Phone 15", "-Software=Camera 17.1",
            "-GPSLatitude=39.9042", "-GPSLatitudeRef=N", "-GPSLongitude=116.4074", "-GPSLongitudeRef=E", "IMG_0001.jpg");
        photo = File.ReadAllBytes(Path.Combine(folder, "IMG_0001.jpg"));
        var scan = Jpeg(folder, "scan.jpg", 1800, 1800);
        var picture = Jpeg(folder, "picture.jpg", 1300, 1200);
        return new AttachmentMix(
        [
            ("IMG_0001.jpg", "image/jpeg", photo),
            ("letter.pdf", "application/pdf", ScannedPdf(scan)),
            ("report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Docx(picture)),
        ]);
    }

    public long TotalBytes => Files.Sum(file => (long)file.Bytes.Length);

    private static byte[] Jpeg(string folder, string name, int width, int height)
    {
        Run(folder, "/usr/bin/convert", "-size", $"{width}x{height}", "xc:gray", "+noise", "Random", "-quality", "85", name);
        return File.ReadAllBytes(Path.Combine(folder, name));
    }

    private static void Run(string folder, string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = folder, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed: {errors}");
    }

    private static byte[] ScannedPdf(byte[] jpeg)
    {
        var output = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body, byte[]? stream = null)
        {
            offsets.Add(output.Position);
            Write($"{offsets.Count} 0 obj\n{body}\n");
            if (stream is not null)
            {
                Write("stream\n");
                output.Write(stream);
                Write("\nendstream\n");
            }
            Write("endobj\n");
        }
        var content = "q 595 0 0 595 0 123 cm /Im1 Do Q";
        Write("%PDF-1.4\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>");
        Object($"<< /Length {content.Length} >>", Encoding.ASCII.GetBytes(content));
        Object($"<< /Type /XObject /Subtype /Image /Width 1800 /Height 1800 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length {jpeg.Length} >>", jpeg);
        Object("<< /Author (Bench) /Creator (Scanner Utility 3.2) /Producer (Scanner Utility 3.2) /CreationDate (D:20260314092653+08'00') >>");
        var xref = output.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private static byte[] Docx(byte[] picture)
    {
        var paragraphs = string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>二〇二六年三月以来，在道路工程招标中多次收受中标企业回扣，并安排亲属参与分包。</w:t></w:r></w:p>", 200));
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>""");
            Add(zip, "word/_rels/document.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.jpeg"/></Relationships>""");
            Add(zip, "word/document.xml", $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>""");
            Add(zip, "docProps/core.xml", """<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Bench</dc:creator><cp:lastModifiedBy>Bench</cp:lastModifiedBy></cp:coreProperties>""");
            Add(zip, "docProps/app.xml", """<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>Bench</Company></Properties>""");
            using (var entry = zip.CreateEntry("word/media/image1.jpeg", CompressionLevel.NoCompression).Open())
                entry.Write(picture);
        }
        return output.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
