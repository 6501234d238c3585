using Reporting.Cryptography.SecretStreams;
using Reporting.Cryptography.Hpke;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;
using Reporting.Intake.Tests.Attachments;
using NSec.Cryptography;

namespace Reporting.Intake.Tests.Http;

public sealed class AttachmentTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Fact]
    public async Task A_photo_is_cleaned_encrypted_in_chunks_on_disk_and_recorded_on_the_case_with_what_was_removed()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await UploadAsync(receipt, SampleFiles.JpegWithMetadata(), "IMG_0001.txt");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("image/jpeg", added.GetProperty("contentType").GetString());
        Assert.Equal(["EXIF", "XMP", "IPTC", "JPEG comment"], added.GetProperty("removedMetadata").EnumerateArray().Select(item => item.GetString()));
        Assert.False(added.GetProperty("mayIdentify").GetBoolean());

        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);
        var attachment = (await OfficeSide.EventsAsync(host, caseId)).OfType<AttachmentReceived>().Single();
        Assert.Equal(added.GetProperty("attachmentId").GetGuid(), attachment.AttachmentId);
        Assert.Equal("IMG_0001.txt", OfficeSide.Open(host, caseId, attachment.Envelope, "fileName"));
        Assert.Equal("image/jpeg", OfficeSide.Open(host, caseId, attachment.Envelope, "contentType"));

        var stored = await File.ReadAllBytesAsync(Path.Combine(host.AttachmentDirectory, $"{attachment.AttachmentId:N}.sealed"));
        Assert.DoesNotContain(SampleFiles.Author, Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(-1, stored.AsSpan().IndexOf(SampleFiles.CleanJpeg().AsSpan(20, 40)));
        Assert.Equal(SampleFiles.CleanJpeg(), Decrypt(caseId, attachment, stored));
    }

    [Fact]
    public async Task A_file_of_unknown_kind_is_kept_with_a_warning_that_it_may_identify()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await UploadAsync(receipt, Encoding.UTF8.GetBytes("录音文字稿"), "notes.jpg");

        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("application/octet-stream", added.GetProperty("contentType").GetString());
        Assert.True(added.GetProperty("mayIdentify").GetBoolean());
    }

    [Fact]
    public async Task A_file_over_the_limit_gets_413()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await UploadAsync(receipt, new byte[20 * 1024 * 1024 + 1], "big.bin");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private Task<HttpResponseMessage> UploadAsync(string receipt, byte[] file, string fileName)
    {
        var form = new MultipartFormDataContent { { new StringContent(receipt), "receipt" }, { new ByteArrayContent(file), "file", fileName } };
        return host.Client.PostAsync(new Uri("/api/intake/attachments", UriKind.Relative), form);
    }

    private byte[] Decrypt(Guid caseId, AttachmentReceived attachment, byte[] stored)
    {
        Assert.True(HpkeEnvelope.TryOpen(host.OfficeKey, SealingInfo.DataKey, attachment.Envelope.SealedDataKey, out var dataKeyBytes));
        using var dataKey = Key.Import(AeadAlgorithm.XChaCha20Poly1305, dataKeyBytes, KeyBlobFormat.RawSymmetricKey);
        var sealedKey = attachment.Envelope.Fields["streamKey"];
        var streamKeyBytes = AeadAlgorithm.XChaCha20Poly1305.Decrypt(dataKey, sealedKey.AsSpan(0, 24), Sealing.Envelopes.AssociatedData(caseId, "streamKey"), sealedKey.AsSpan(24))!;
        var plaintext = new MemoryStream();
        Assert.True(SecretStream.TryDecrypt(new MemoryStream(stored), plaintext, streamKeyBytes));
        return plaintext.ToArray();
    }
}
