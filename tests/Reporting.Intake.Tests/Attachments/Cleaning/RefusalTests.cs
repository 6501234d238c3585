using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using System.Text;
using Reporting.Intake.Attachments.Cleaning;
using Reporting.Testing.Tools;

namespace Reporting.Intake.Tests.Attachments.Cleaning;

/// <summary>What the door refuses, and with which status: nothing of a refused file comes out.</summary>
public sealed class RefusalTests
{
    private static readonly CleaningLimits Defaults = new();

    [Fact]
    public async Task A_ZIP_bomb_is_refused_by_its_compression_ratio()
    {
        var bomb = Zip(("zeros.txt", new byte[50 * 1024 * 1024]));

        Assert.Equal(CleaningRefusal.ArchiveOverLimit, await AttachmentCleaning.CleanAsync(bomb, Defaults, CancellationToken.None));
    }

    [Fact]
    public async Task A_ZIP_of_more_entries_than_the_limit_is_refused()
    {
        var many = Zip([.. Enumerable.Range(0, 201).Select(index => ($"{index}.pdf", MarkedFiles.Pdf()))]);

        Assert.Equal(CleaningRefusal.ArchiveOverLimit, await AttachmentCleaning.CleanAsync(many, Defaults, CancellationToken.None));
    }

    [FactNeedingTool("mat2", "mat2")]
    public async Task A_ZIP_nested_deeper_than_two_is_refused()
    {
        var deep = Zip(("a.zip", Zip(("b.zip", Zip(("letter.pdf", MarkedFiles.Pdf()))))));

        var result = await AttachmentCleaning.CleanAsync(deep, Defaults, CancellationToken.None);

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, Assert.IsType<CleaningRefusal>(result).Status);
        Assert.EndsWith(CleaningRefusal.ArchiveTooDeep.Title, ((CleaningRefusal)result).Title, StringComparison.Ordinal);
    }

    [FactNeedingTool("mat2", "mat2")]
    public async Task A_ZIP_nested_two_deep_is_cleaned()
    {
        var nested = Zip(("inner.zip", Zip(("letter.pdf", MarkedFiles.Pdf()))));

        var cleaned = Assert.IsType<CleanedAttachment>(await AttachmentCleaning.CleanAsync(nested, Defaults, CancellationToken.None));

        Assert.Contains(MetadataLabels.Author, cleaned.Removed);
    }

    [Theory]
    [InlineData("../outside.pdf")]
    [InlineData("letters/../../outside.pdf")]
    [InlineData("/etc/outside.pdf")]
    [InlineData("C:/outside.pdf")]
    [InlineData("\\\\server\\outside.pdf")]
    public async Task A_ZIP_entry_whose_path_leaves_the_archive_is_refused(string name)
    {
        var traversal = Zip(("letter.pdf", MarkedFiles.Pdf()), (name, MarkedFiles.Pdf()));

        Assert.Equal(CleaningRefusal.ArchiveUnsafePath, await AttachmentCleaning.CleanAsync(traversal, Defaults, CancellationToken.None));
    }

    [Fact]
    public async Task HTML_is_refused_whatever_it_is_called()
    {
        var html = "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray();

        Assert.Equal(CleaningRefusal.UnknownType, await AttachmentCleaning.CleanAsync(html, Defaults, CancellationToken.None));
    }

    [Fact]
    public async Task Bytes_that_match_no_known_type_are_refused()
    {
        byte[] unknown = [0x00, 0x01, 0x02, 0xFE, 0xFF, 0x7F, 0x00, 0x10];

        Assert.Equal(CleaningRefusal.UnknownType, await AttachmentCleaning.CleanAsync(unknown, Defaults, CancellationToken.None));
    }

    [Fact]
    public async Task A_type_mat2_cannot_clean_is_refused_with_415_unless_allowed_and_then_marked_as_not_cleaned()
    {
        var text = Encoding.UTF8.GetBytes("录音文字稿：某月某日");
        var allowing = new CleaningLimits { AllowUncleaned = { ["text/plain"] = true } };

        var refused = Assert.IsType<CleaningRefusal>(await AttachmentCleaning.CleanAsync(text, Defaults, CancellationToken.None));
        var allowed = Assert.IsType<CleanedAttachment>(await AttachmentCleaning.CleanAsync(text, allowing, CancellationToken.None));

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, refused.Status);
        Assert.Contains("text/plain", refused.Title, StringComparison.Ordinal);
        Assert.True(allowed.MayIdentify);
        Assert.Empty(allowed.Removed);
        Assert.Equal(text, allowed.Bytes);
    }

    [FactNeedingTool("mat2", "mat2")]
    public async Task A_file_the_cleaner_takes_too_long_on_is_refused()
    {
        var hurried = new CleaningLimits { TimeLimit = TimeSpan.FromMilliseconds(1) };

        Assert.Equal(CleaningRefusal.TimedOut, await AttachmentCleaning.CleanAsync(MarkedFiles.Pdf(), hurried, CancellationToken.None));
    }

    [FactNeedingTool("mat2", "mat2")]
    public async Task A_damaged_file_is_refused_not_passed_through()
    {
        var truncated = MarkedFiles.Pdf()[..40];

        Assert.Equal(CleaningRefusal.CleanerFailed, await AttachmentCleaning.CleanAsync(truncated, Defaults, CancellationToken.None));
    }

    internal static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(bytes);
            }
        }
        return output.ToArray();
    }
}
