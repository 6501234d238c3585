using System.Buffers.Binary;
using System.Text;
using Reporting.Intake.Attachments.Adding.Metadata;

namespace Reporting.Intake.Tests.Attachments;

public sealed class MetadataRemovalTests
{
    [Fact]
    public void A_JPEG_loses_EXIF_XMP_IPTC_and_comments_and_is_byte_for_byte_the_clean_image()
    {
        var result = MetadataRemoval.Clean(SampleFiles.JpegWithMetadata());

        Assert.Equal(DetectedContentType.Jpeg, result.ContentType);
        Assert.Equal(["EXIF", "XMP", "IPTC", "JPEG comment"], result.Removed);
        Assert.False(result.MayIdentify);
        Assert.Equal(SampleFiles.CleanJpeg(), result.Bytes);
        AssertNoTrace(result.Bytes);
        Assert.Equal(["SOI", "APP0", "DQT", "SOF0", "DHT", "DHT", "SOS", "EOI"], JpegStructure(result.Bytes));
    }

    [Fact]
    public void A_clean_JPEG_comes_out_unchanged()
    {
        var result = MetadataRemoval.Clean(SampleFiles.CleanJpeg());

        Assert.Empty(result.Removed);
        Assert.Equal(SampleFiles.CleanJpeg(), result.Bytes);
    }

    [Fact]
    public void A_PNG_loses_its_text_time_and_EXIF_chunks_and_still_decodes_to_the_same_pixels()
    {
        var result = MetadataRemoval.Clean(SampleFiles.PngWithMetadata());

        Assert.Equal(DetectedContentType.Png, result.ContentType);
        Assert.Equal(["PNG text", "PNG international text", "PNG compressed text", "PNG modification time", "EXIF"], result.Removed);
        Assert.Equal(SampleFiles.CleanPng(), result.Bytes);
        AssertNoTrace(result.Bytes);
        var chunks = PngChunks(result.Bytes);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(chunk => chunk.Type));
        Assert.All(chunks, chunk => Assert.True(chunk.CrcIntact, chunk.Type));
        Assert.Equal(SampleFiles.PngPixels, SampleFiles.Inflate(chunks.Single(chunk => chunk.Type == "IDAT").Data));
    }

    [Fact]
    public void A_Word_document_loses_author_company_revision_times_and_comment_authors_but_keeps_its_text()
    {
        var result = MetadataRemoval.Clean(SampleFiles.DocxWithMetadata());

        Assert.Equal(DetectedContentType.Docx, result.ContentType);
        Assert.Subset(
            new HashSet<string> { "author", "last modified by", "revision number", "created time", "modified time", "company", "total editing time", "comment and tracked-change authors", "revision session ids", "file times in the archive" },
            result.Removed.ToHashSet());
        var core = SampleFiles.ReadEntry(result.Bytes, "docProps/core.xml");
        var app = SampleFiles.ReadEntry(result.Bytes, "docProps/app.xml");
        var comments = SampleFiles.ReadEntry(result.Bytes, "word/comments.xml");
        var document = SampleFiles.ReadEntry(result.Bytes, "word/document.xml");
        Assert.DoesNotContain(SampleFiles.Author, core + app + comments + document, StringComparison.Ordinal);
        Assert.DoesNotContain("某市某局办公室", app, StringComparison.Ordinal);
        Assert.DoesNotContain("revision>", core, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-03-1", core, StringComparison.Ordinal);
        Assert.DoesNotContain("WMS", comments, StringComparison.Ordinal);
        Assert.DoesNotContain("rsid", SampleFiles.ReadEntry(result.Bytes, "word/settings.xml"), StringComparison.Ordinal);
        Assert.Contains("情况反映", core, StringComparison.Ordinal);
        Assert.Contains("举报材料正文", document, StringComparison.Ordinal);
        Assert.Contains("核实", comments, StringComparison.Ordinal);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(result.Bytes));
        Assert.All(zip.Entries, entry => Assert.Equal(1980, entry.LastWriteTime.Year));
    }

    [Fact]
    public void The_type_comes_from_the_bytes_and_an_unknown_type_is_kept_with_a_warning()
    {
        var text = Encoding.UTF8.GetBytes("作者：王秘书");

        var result = MetadataRemoval.Clean(text);

        Assert.Equal(DetectedContentType.Unknown, result.ContentType);
        Assert.True(result.MayIdentify);
        Assert.Empty(result.Removed);
        Assert.Equal(text, result.Bytes);
        Assert.Equal(DetectedContentType.Pdf, MetadataRemoval.Clean("%PDF-1.7\n"u8.ToArray()).ContentType);
    }

    [Fact]
    public void A_truncated_JPEG_is_not_claimed_clean()
    {
        var truncated = SampleFiles.JpegWithMetadata()[..30];

        var result = MetadataRemoval.Clean(truncated);

        Assert.True(result.MayIdentify);
        Assert.Empty(result.Removed);
    }

    private static void AssertNoTrace(byte[] bytes)
    {
        var asText = Encoding.UTF8.GetString(bytes) + Encoding.Latin1.GetString(bytes);
        foreach (var trace in new[] { SampleFiles.Author, "Wang", SampleFiles.Gps, SampleFiles.Time, "Exif", "xap/1.0", "Photoshop" })
            Assert.DoesNotContain(trace, asText, StringComparison.Ordinal);
    }

    /// <summary>The marker names from SOI to EOI, walking lengths, and skipping the entropy-coded data of the scan.</summary>
    private static List<string> JpegStructure(byte[] jpeg)
    {
        var names = new Dictionary<byte, string> { [0xD8] = "SOI", [0xE0] = "APP0", [0xDB] = "DQT", [0xC0] = "SOF0", [0xC4] = "DHT", [0xDA] = "SOS", [0xD9] = "EOI" };
        var found = new List<string>();
        var position = 0;
        while (position < jpeg.Length - 1)
        {
            Assert.Equal(0xFF, jpeg[position]);
            var marker = jpeg[position + 1];
            found.Add(names.GetValueOrDefault(marker, $"{marker:X2}"));
            if (marker is 0xD8 or 0xD9)
            {
                position += 2;
                continue;
            }
            position += 2 + ((jpeg[position + 2] << 8) | jpeg[position + 3]);
            if (marker == 0xDA)
                while (!(jpeg[position] == 0xFF && jpeg[position + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7)))
                    position++;
        }
        Assert.Equal(jpeg.Length, position);
        return found;
    }

    private static List<(string Type, byte[] Data, bool CrcIntact)> PngChunks(byte[] png)
    {
        Assert.Equal(SampleFiles.PngSignature, png[..8]);
        var chunks = new List<(string, byte[], bool)>();
        for (var position = 8; position < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
            var typeAndData = png.AsSpan(position + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position + 8 + length));
            chunks.Add((Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray(), SampleFiles.Crc32(typeAndData) == crc));
            position += 12 + length;
        }
        return chunks;
    }
}
