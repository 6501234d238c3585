using System.IO.Compression;
using System.Text;
using Reporting.Intake.Attachments.Cleaning;
using Reporting.Testing.Tools;

namespace Reporting.Intake.Tests.Attachments.Cleaning;

/// <summary>
/// For every type the door cleans: the marker is gone from what comes out, exiftool still reads it as that type, and
/// what the informant is told names what was removed.
/// </summary>
public sealed class CleaningCorpusTests : IDisposable
{
    private readonly MarkedFiles files = new();

    [FactNeedingTool("mat2", "mat2")]
    public Task A_photo_loses_author_camera_GPS_software_and_date() =>
        AssertCleanedAsync(files.Jpeg(), "image/jpeg", "JPEG", MetadataLabels.Author, MetadataLabels.Camera, MetadataLabels.Gps, MetadataLabels.Software, MetadataLabels.Created);

    [FactNeedingTool("mat2", "mat2")]
    public Task A_screenshot_loses_author_and_software() =>
        AssertCleanedAsync(files.Png(), "image/png", "PNG", MetadataLabels.Author, MetadataLabels.Software);

    [FactNeedingTool("mat2", "mat2")]
    public Task A_scan_loses_author_and_software() =>
        AssertCleanedAsync(files.Tiff(), "image/tiff", "TIFF", MetadataLabels.Author, MetadataLabels.Software);

    [FactNeedingTool("mat2", "mat2")]
    public Task A_HEIC_photo_loses_author_camera_and_GPS() =>
        AssertCleanedAsync(files.Heic(), "image/heic", "HEIC", MetadataLabels.Author, MetadataLabels.Camera, MetadataLabels.Gps);

    [FactNeedingTool("ffmpeg", "ffmpeg")]
    public Task A_video_loses_artist_comment_and_shooting_location() =>
        AssertCleanedAsync(files.Mp4(), "video/mp4", "MP4", MetadataLabels.Author, MetadataLabels.Comment, MetadataLabels.Gps);

    [FactNeedingTool("ffmpeg", "ffmpeg")]
    public async Task An_M4A_voice_memo_is_refused_as_a_type_mat2_cannot_clean()
    {
        var refused = Assert.IsType<CleaningRefusal>(await AttachmentCleaning.CleanAsync(files.M4a(), new CleaningLimits(), CancellationToken.None));

        Assert.Equal(CleaningRefusal.NotCleanable("audio/mp4"), refused);
    }

    [FactNeedingTool("mat2", "mat2")]
    public Task A_GIF_loses_its_comment() =>
        AssertCleanedAsync(files.Gif(), "image/gif", "GIF", MetadataLabels.Comment);

    [FactNeedingTool("mat2", "mat2")]
    public Task A_PDF_loses_author_software_and_dates() =>
        AssertCleanedAsync(MarkedFiles.Pdf(), "application/pdf", "PDF", MetadataLabels.Author, MetadataLabels.Software, MetadataLabels.Created);

    [FactNeedingTool("mat2", "mat2")]
    public async Task A_PDF_keeps_its_text_as_text()
    {
        var cleaned = await CleanAsync(MarkedFiles.Pdf());

        var text = files.Tool("/usr/bin/python3", "-c",
            "import gi,sys; gi.require_version('Poppler','0.18'); from gi.repository import Poppler; " +
            "print(Poppler.Document.new_from_file('file://' + sys.argv[1], None).get_page(0).get_text())",
            Write(cleaned.Bytes, "cleaned.pdf"));
        Assert.Equal("Hello evidence", text.Trim());
    }

    [FactNeedingTool("mat2", "mat2")]
    public Task A_Word_document_loses_its_author_and_file_times() =>
        AssertCleanedAsync(MarkedFiles.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "(DOCX|ZIP)", MetadataLabels.Author, MetadataLabels.FileTimes);

    /// <summary>mat2 runs exiftool on a document's pictures under a bubblewrap of its own, which cannot nest in the door's.</summary>
    [FactNeedingTool("mat2", "mat2")]
    public Task A_Word_document_loses_the_camera_and_GPS_of_the_photo_pasted_into_it() =>
        AssertCleanedAsync(MarkedFiles.Docx(files.Jpeg()), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "(DOCX|ZIP)", MetadataLabels.Author, MetadataLabels.Camera, MetadataLabels.Gps);

    [FactNeedingTool("mat2", "mat2")]
    public Task An_OpenDocument_text_loses_the_software_named_in_its_thumbnail() =>
        AssertCleanedAsync(MarkedFiles.Odt(files.Png()), "application/vnd.oasis.opendocument.text", "(ODT|ZIP)", MetadataLabels.Author, MetadataLabels.Software);

    [FactNeedingTool("mat2", "mat2")]
    public Task An_OpenDocument_text_loses_its_creators_and_generator() =>
        AssertCleanedAsync(MarkedFiles.Odt(), "application/vnd.oasis.opendocument.text", "(ODT|ZIP)", MetadataLabels.Author, MetadataLabels.Software);

    [FactNeedingTool("mat2", "mat2")]
    public Task An_MP3_recording_loses_its_ID3_artist_and_encoder() =>
        AssertCleanedAsync(MarkedFiles.Mp3(), "audio/mpeg", "MP3", MetadataLabels.Author, MetadataLabels.Software);

    [FactNeedingTool("ffmpeg", "ffmpeg")]
    public Task A_WAV_recording_loses_its_ID3_artist_and_encoder() =>
        AssertCleanedAsync(MarkedFiles.Wav(), "audio/x-wav", "WAV", MetadataLabels.Author);

    [FactNeedingTool("zip", "zip")]
    public async Task A_ZIP_is_rebuilt_from_its_entries_each_cleaned_with_one_fixed_date()
    {
        var cleaned = await AssertCleanedAsync(files.Zip(), "application/zip", "ZIP", MetadataLabels.Author, MetadataLabels.Camera, MetadataLabels.Gps, MetadataLabels.FileTimes);

        using var archive = new ZipArchive(new MemoryStream(cleaned.Bytes), ZipArchiveMode.Read);
        Assert.Equal(["letter.pdf", "photo.jpg"], archive.Entries.Select(entry => entry.FullName).Order());
        Assert.All(archive.Entries, entry => Assert.Equal(1980, entry.LastWriteTime.Year));
        Assert.Contains("JPEG", files.ExifTool(Entry(archive, "photo.jpg"), "photo.jpg"), StringComparison.Ordinal);
    }

    private async Task<CleanedAttachment> AssertCleanedAsync(byte[] original, string contentType, string exifToolType, params string[] labels)
    {
        Assert.True(ContainsMarker(original), "the test file carries no marker");

        var cleaned = await CleanAsync(original);

        Assert.Equal(contentType, cleaned.ContentType);
        Assert.False(cleaned.MayIdentify);
        Assert.False(ContainsMarker(cleaned.Bytes), "the marker survived cleaning");
        var read = files.ExifTool(cleaned.Bytes, $"cleaned-{Guid.NewGuid():N}");
        Assert.Matches($@"FileType\s*:\s*{exifToolType}\b", read);
        Assert.DoesNotContain(MarkedFiles.Marker, read, StringComparison.Ordinal);
        foreach (var label in labels)
            Assert.Contains(label, cleaned.Removed);
        return cleaned;
    }

    private static async Task<CleanedAttachment> CleanAsync(byte[] original) =>
        await AttachmentCleaning.CleanAsync(original, new CleaningLimits(), CancellationToken.None) switch
        {
            CleanedAttachment cleaned => cleaned,
            var refused => throw new Xunit.Sdk.XunitException($"refused: {refused}"),
        };

    /// <summary>In the bytes as they are, and inside every entry when they are a ZIP (whose entries are compressed).</summary>
    private static bool ContainsMarker(byte[] bytes)
    {
        if (bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(MarkedFiles.Marker)) >= 0)
            return true;
        if (!bytes.AsSpan().StartsWith("PK"u8))
            return false;
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return archive.Entries.Any(entry => ContainsMarker(Entry(archive, entry.FullName)));
    }

    private static byte[] Entry(ZipArchive archive, string name)
    {
        using var stream = archive.GetEntry(name)!.Open();
        var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    private string Write(byte[] bytes, string name)
    {
        var path = Path.Combine(files.Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => files.Dispose();
}
