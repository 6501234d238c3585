using Reporting.Intake.Attachments.Cleaning;

namespace Reporting.Intake.Tests.Attachments.Cleaning;

/// <summary>The type comes from the bytes: a name or a client's Content-Type never reaches the table.</summary>
public sealed class FileKindTests
{
    [Theory]
    [InlineData("%PDF-1.7\n", "application/pdf")]
    [InlineData("GIF89a\u0001\u0000", "image/gif")]
    [InlineData("II*\u0000\u0008\u0000", "image/tiff")]
    [InlineData("MM\u0000*\u0000\u0000", "image/tiff")]
    [InlineData("ID3\u0003\u0000", "audio/mpeg")]
    [InlineData("#!AMR\n", "audio/amr")]
    [InlineData("RIFF\u0024\u0000\u0000\u0000WAVEfmt ", "audio/x-wav")]
    [InlineData("\u0000\u0000\u0000\u0018ftypheic\u0000\u0000", "image/heic")]
    [InlineData("\u0000\u0000\u0000\u0018ftypmif1\u0000\u0000", "image/heic")]
    [InlineData("\u0000\u0000\u0000\u0018ftypisom\u0000\u0000", "video/mp4")]
    [InlineData("\u0000\u0000\u0000\u0018ftypM4A \u0000\u0000", "audio/mp4")]
    [InlineData("OggS\u0000\u0002", "audio/ogg")]
    public void A_type_is_read_from_its_magic_number(string head, string contentType)
    {
        Assert.Equal(contentType, FileKinds.Detect(System.Text.Encoding.Latin1.GetBytes(head))?.ContentType);
    }

    [Fact]
    public void A_ZIP_is_an_office_document_only_when_its_entries_say_so()
    {
        Assert.Equal(FileKinds.Docx, FileKinds.Detect(MarkedFiles.Docx()));
        Assert.Equal("application/vnd.oasis.opendocument.text", FileKinds.Detect(MarkedFiles.Odt())?.ContentType);
        Assert.Equal(FileKinds.Zip, FileKinds.Detect(RefusalTests.Zip(("report.pdf", MarkedFiles.Pdf()))));
    }

    [Fact]
    public void A_polyglot_is_what_its_first_bytes_say_and_is_cleaned_as_that()
    {
        byte[] pdfThenZip = [.. MarkedFiles.Pdf(), .. RefusalTests.Zip(("a.txt", "x"u8.ToArray()))];

        Assert.Equal(FileKinds.Pdf, FileKinds.Detect(pdfThenZip));
    }

    [Fact]
    public void Markup_and_binary_noise_are_nothing_known()
    {
        Assert.Null(FileKinds.Detect("  <svg onload=alert(1)>"u8.ToArray()));
        Assert.Null(FileKinds.Detect([0xCA, 0xFE, 0xBA, 0xBE, 0x00]));
        Assert.Null(FileKinds.Detect("PK\u0003\u0004 not a zip"u8.ToArray()));
    }
}
