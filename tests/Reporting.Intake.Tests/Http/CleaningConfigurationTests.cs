using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;
using Reporting.Intake.Tests.Attachments.Cleaning;
using Reporting.Testing.Tools;

namespace Reporting.Intake.Tests.Http;

/// <summary>A host whose administrator lets plain text through uncleaned, and gives the cleaner almost no time.</summary>
public sealed class HurriedCleaningHost : IntakeHost
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Intake:Attachments:AllowUncleaned:text/plain"] = "true";
        settings["Intake:Attachments:TimeLimit"] = "00:00:00.001";
    }
}

public sealed class CleaningConfigurationTests(HurriedCleaningHost host) : IClassFixture<HurriedCleaningHost>
{
    [Fact]
    public async Task A_type_allowed_uncleaned_is_kept_and_the_informant_is_told_it_was_not_cleaned()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await UploadAsync(receipt, Encoding.UTF8.GetBytes("录音文字稿"), "notes.txt");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("text/plain", added.GetProperty("contentType").GetString());
        Assert.True(added.GetProperty("mayIdentify").GetBoolean());
        Assert.Empty(added.GetProperty("removedMetadata").EnumerateArray());
        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);
        var attachment = (await OfficeSide.EventsAsync(host, caseId)).OfType<AttachmentReceived>().Single();
        Assert.Equal("录音文字稿", Encoding.UTF8.GetString(await OfficeSide.DownloadAsync(host, caseId, attachment)));
    }

    [FactNeedingTool("mat2", "mat2")]
    public async Task A_file_the_cleaner_times_out_on_is_refused_with_422_and_nothing_is_stored()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await UploadAsync(receipt, MarkedFiles.Pdf(), "letter.pdf");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);
        Assert.Empty((await OfficeSide.EventsAsync(host, caseId)).OfType<AttachmentReceived>());
    }

    private Task<HttpResponseMessage> UploadAsync(string receipt, byte[] file, string fileName)
    {
        var form = new MultipartFormDataContent { { new StringContent(receipt), "receipt" }, { new ByteArrayContent(file), "file", fileName } };
        return host.Client.PostAsync(new Uri("/api/intake/attachments", UriKind.Relative), form);
    }
}
