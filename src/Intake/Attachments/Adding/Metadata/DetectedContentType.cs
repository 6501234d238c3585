using System.IO.Compression;

namespace Reporting.Intake.Attachments.Adding.Metadata;

/// <summary>What a file is, read from its first bytes and, for ZIP, its parts: never from the name the informant gave.</summary>
public static class DetectedContentType
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public const string Zip = "application/zip";
    public const string Unknown = "application/octet-stream";

    public static string Of(byte[] bytes)
    {
        ReadOnlySpan<byte> head = bytes;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return Png;
        if (head.StartsWith("%PDF-"u8))
            return Pdf;
        if (head.StartsWith("PK\u0003\u0004"u8))
            return OfficeOpenXmlKind(bytes);
        return Unknown;
    }

    private static string OfficeOpenXmlKind(byte[] bytes)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
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
            return Unknown;
        }
    }
}
