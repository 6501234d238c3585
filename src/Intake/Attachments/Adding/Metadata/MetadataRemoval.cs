namespace Reporting.Intake.Attachments.Adding.Metadata;

/// <summary>
/// The one door every attachment passes before it is sealed: its type from its bytes, its identifying metadata
/// removed where the type is known, and a plain warning where it is not.
/// </summary>
public static class MetadataRemoval
{
    public static MetadataResult Clean(byte[] file)
    {
        var contentType = DetectedContentType.Of(file);
        var cleaned = contentType switch
        {
            DetectedContentType.Jpeg => JpegMetadata.Remove(file),
            DetectedContentType.Png => PngMetadata.Remove(file),
            DetectedContentType.Docx or DetectedContentType.Xlsx or DetectedContentType.Pptx => OfficeMetadata.Remove(file),
            _ => null,
        };
        return cleaned is null
            ? new MetadataResult(file, contentType, [], MayIdentify: true)
            : new MetadataResult(cleaned.Bytes, contentType, cleaned.Removed, MayIdentify: false);
    }
}

/// <param name="MayIdentify">True when nothing could be cleaned: the informant is warned the file may carry identifying data.</param>
public sealed record MetadataResult(byte[] Bytes, string ContentType, IReadOnlyList<string> Removed, bool MayIdentify);
