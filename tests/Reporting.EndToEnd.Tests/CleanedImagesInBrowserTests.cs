using Reporting.Intake.Attachments.Cleaning;
using Reporting.Intake.Tests.Attachments;

namespace Reporting.EndToEnd.Tests;

public sealed class CleanedImagesInBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData("jpeg", 8, 8)]
    [InlineData("png", 2, 2)]
    public async Task An_image_with_its_metadata_removed_still_decodes_in_Chromium(string kind, int width, int height)
    {
        var original = kind == "jpeg" ? SampleFiles.JpegWithMetadata() : SampleFiles.PngWithMetadata();
        var cleaned = Assert.IsType<CleanedAttachment>(await AttachmentCleaning.CleanAsync(original, new CleaningLimits(), CancellationToken.None));
        Assert.NotEmpty(cleaned.Removed);
        var page = await browser.NewPageAsync(new Uri("about:blank"), javaScript: true);

        await page.SetContentAsync($"<img id=\"image\" src=\"data:image/{kind};base64,{Convert.ToBase64String(cleaned.Bytes)}\">");
        var size = await page.EvaluateAsync<int[]>(
            "async () => { const image = document.getElementById('image'); await image.decode(); return [image.naturalWidth, image.naturalHeight]; }");

        Assert.Equal([width, height], size);
    }
}
