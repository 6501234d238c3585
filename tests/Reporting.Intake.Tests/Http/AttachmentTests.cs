using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;
using Reporting.Intake.Tests.Attachments.Cleaning;
using Reporting.Testing.Tools;

namespace Reporting.Intake.Tests.Http;

public sealed class AttachmentTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [FactNeedingTool("mat2", "mat2")]
    public async Task A_photo_is_cleaned_encrypted_in_chunks_on_disk_and_recorded_on_the_case_with_what_was_removed()
    {
        using var files = new MarkedFiles();
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await UploadAsync(receipt, files.Jpeg(), "IMG_0001.txt");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("image/jpeg", added.GetProperty("contentType").GetString());
        var removed = added.GetProperty("removedMetadata").EnumerateArray().Select(item => item.GetString()!).ToList();
        Assert.Contains("作者 / Author", removed);
        Assert.Contains("拍摄设备 / Camera", removed);
        Assert.Contains("GPS 位置 / GPS position", removed);
        Assert.False(added.GetProperty("mayIdentify").GetBoolean());

        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);
        var attachment = (await OfficeSide.EventsAsync(host, caseId)).OfType<AttachmentReceived>().Single();
        Assert.Equal(added.GetProperty("attachmentId").GetGuid(), attachment.AttachmentId);
        Assert.Equal(removed, attachment.RemovedMetadata);
        Assert.Equal("IMG_0001.txt", OfficeSide.Open(host, caseId, attachment.Envelope, "fileName"));
        Assert.Equal("image/jpeg", OfficeSide.Open(host, caseId, attachment.Envelope, "contentType"));

        var opened = await OfficeSide.DownloadAsync(host, caseId, attachment);
        Assert.Equal(-1, opened.AsSpan().IndexOf(Encoding.ASCII.GetBytes(MarkedFiles.Marker)));
        var read = files.ExifTool(opened, "downloaded.jpg");
        Assert.Matches(@"FileType\s*:\s*JPEG\b", read);
        Assert.DoesNotContain(MarkedFiles.Marker, read, StringComparison.Ordinal);
    }

    [FactNeedingTool("mat2", "mat2")]
    public async Task A_ZIP_named_pdf_is_handled_as_a_ZIP()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await UploadAsync(receipt, RefusalTests.Zip(("letter.pdf", MarkedFiles.Pdf())), "report.pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/zip", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task HTML_named_jpg_is_refused_with_415_in_both_languages_and_nothing_is_stored()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await UploadAsync(receipt, "<html><body><script>alert(1)</script></body></html>"u8.ToArray(), "photo.jpg");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var title = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
        Assert.Contains("无法识别", title, StringComparison.Ordinal);
        Assert.Contains("not recognised", title, StringComparison.Ordinal);
        await AssertNothingStoredAsync(receipt);
    }

    [Fact]
    public async Task A_ZIP_bomb_is_refused_with_422_and_nothing_is_stored()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await UploadAsync(receipt, RefusalTests.Zip(("zeros.txt", new byte[30 * 1024 * 1024])), "evidence.zip");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await AssertNothingStoredAsync(receipt);
    }

    [Fact]
    public async Task A_file_over_the_limit_gets_413()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await UploadAsync(receipt, new byte[20 * 1024 * 1024 + 1], "big.bin");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task AssertNothingStoredAsync(string receipt)
    {
        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);
        Assert.Empty((await OfficeSide.EventsAsync(host, caseId)).OfType<AttachmentReceived>());
    }

    private Task<HttpResponseMessage> UploadAsync(string receipt, byte[] file, string fileName)
    {
        var form = new MultipartFormDataContent { { new StringContent(receipt), "receipt" }, { new ByteArrayContent(file), "file", fileName } };
        return host.Client.PostAsync(new Uri("/api/intake/attachments", UriKind.Relative), form);
    }
}
