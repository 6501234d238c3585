using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;

namespace Reporting.Intake.Tests.Http;

public sealed class ConversationTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Fact]
    public async Task Submit_then_receipt_then_received_then_an_office_reply_arrives_and_the_informants_reply_reaches_the_case()
    {
        var response = await IntakeClient.SubmitAsync(host.Client, IntakeClient.ValidReport(), await IntakeClient.SolvedProofOfWorkAsync(host.Client));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var receipt = answer.GetProperty("receipt").GetString()!;
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", receipt);
        Assert.Equal(0, answer.GetProperty("receivedAt").GetDateTimeOffset().Minute);

        var status = await (await IntakeClient.StatusAsync(host.Client, receipt.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("received", status.GetProperty("stage").GetString());
        Assert.Equal(0, status.GetProperty("messages").GetArrayLength());

        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);
        await OfficeSide.ReplyAsync(host, caseId, "已受理，请补充具体时间。", stage: InformantStages.Accepted);
        var afterReply = await (await IntakeClient.StatusAsync(host.Client, receipt)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("accepted", afterReply.GetProperty("stage").GetString());
        var officeMessage = Assert.Single(afterReply.GetProperty("messages").EnumerateArray());
        Assert.Equal("office", officeMessage.GetProperty("from").GetString());
        Assert.Equal("已受理，请补充具体时间。", officeMessage.GetProperty("body").GetString());

        var sent = await host.Client.PostAsync(new Uri("/api/intake/messages", UriKind.Relative), JsonContent.Create(new { receipt, body = "时间是二月三日晚。" }));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var reply = (await OfficeSide.EventsAsync(host, caseId)).OfType<InformantMessageReceived>().Single();
        Assert.Equal("时间是二月三日晚。", OfficeSide.Open(host, caseId, reply.Message, "body"));
        Assert.Equal(TimeSpan.Zero, reply.ReceivedAt - Sealing.Hour.Truncate(reply.ReceivedAt));
        var thread = (await (await IntakeClient.StatusAsync(host.Client, receipt)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages");
        Assert.Equal(["office", "informant"], thread.EnumerateArray().Select(message => message.GetProperty("from").GetString()));
    }

    [Fact]
    public async Task The_report_is_sealed_to_the_office_with_the_identity_of_a_real_name_informant_in_its_own_envelope()
    {
        var report = IntakeClient.ValidReport();
        report["informant"] = new JsonObject { ["name"] = "李四", ["phone"] = "13800000000" };

        var receipt = await IntakeClient.SubmitValidAsync(host.Client, report);

        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);
        var submitted = Assert.IsType<ReportSubmitted>((await OfficeSide.EventsAsync(host, caseId))[0]);
        Assert.Equal(caseId, submitted.CaseId);
        Assert.Equal(ReceiptKeys.LookupId(ReceiptCode.Parse(receipt).Receipt!), submitted.ReceiptLookupId);
        Assert.Equal("违规收受礼金", OfficeSide.Open(host, caseId, submitted.Report, "title"));
        var sealedReport = OfficeSide.Open(host, caseId, submitted.Report, "report");
        Assert.Contains("张三", sealedReport, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", sealedReport, StringComparison.Ordinal);
        Assert.Contains("13800000000", OfficeSide.Open(host, caseId, submitted.Identity!, "identity"), StringComparison.Ordinal);
        Assert.NotEqual(submitted.Report.SealedDataKey, submitted.Identity!.SealedDataKey);
    }

    [Fact]
    public async Task An_anonymous_report_has_no_identity_envelope_and_an_event_time_kept_to_the_hour()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);
        await using var session = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Marten.IDocumentStore>(host.Services).QuerySession();
        var stored = Assert.Single(await session.Events.FetchStreamAsync(caseId));
        var submitted = Assert.IsType<ReportSubmitted>(stored.Data);
        Assert.Null(submitted.Identity);
        Assert.Equal(0, stored.Timestamp.Minute);
        Assert.Equal(0, stored.Timestamp.Second);
        Assert.Equal(0, stored.Timestamp.Millisecond);
    }

    [Fact]
    public async Task A_reused_proof_of_work_is_forbidden()
    {
        var proof = await IntakeClient.SolvedProofOfWorkAsync(host.Client);
        var first = await IntakeClient.SubmitAsync(host.Client, IntakeClient.ValidReport(), proof);

        var second = await IntakeClient.SubmitAsync(host.Client, IntakeClient.ValidReport(), proof);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
    }

    [Fact]
    public async Task An_unknown_receipt_gets_404_for_status_messages_and_attachments_with_one_body()
    {
        var unknown = ReceiptCode.Generate().Display;

        var status = await IntakeClient.StatusAsync(host.Client, unknown);
        var message = await host.Client.PostAsync(new Uri("/api/intake/messages", UriKind.Relative), JsonContent.Create(new { receipt = unknown, body = "在吗" }));
        // A file the cleaning door accepts: one it refuses is refused (415) before, and whatever, the receipt.
        using var form = new MultipartFormDataContent { { new StringContent(unknown), "receipt" }, { new ByteArrayContent(Attachments.Cleaning.MarkedFiles.Pdf()), "file", "a.pdf" } };
        var attachment = await host.Client.PostAsync(new Uri("/api/intake/attachments", UriKind.Relative), form);

        Assert.All([status, message, attachment], response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        var bodies = await Task.WhenAll(new[] { status, message, attachment }.Select(async response =>
        {
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            problem.Remove("traceId");
            return problem.ToJsonString();
        }));
        Assert.Single(bodies.Distinct());
    }

    [Fact]
    public async Task A_mistyped_receipt_is_refused_before_any_lookup()
    {
        var receipt = ReceiptCode.Generate().Display;
        var mistyped = receipt[..^1] + (receipt[^1] == 'A' ? 'B' : 'A');

        var response = await IntakeClient.StatusAsync(host.Client, mistyped);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("receipt", out _));
    }

    [Fact]
    public async Task An_office_outcome_is_shown_as_feedback_apart_from_the_conversation()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);
        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);

        await OfficeSide.ReplyAsync(host, caseId, "经核查，反映问题属实，已依纪依法处理。", stage: InformantStages.Concluded, isFeedback: true);

        var status = await (await IntakeClient.StatusAsync(host.Client, receipt)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("concluded", status.GetProperty("stage").GetString());
        Assert.Equal("经核查，反映问题属实，已依纪依法处理。", status.GetProperty("feedback").GetString());
        Assert.Equal(0, status.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task A_message_with_control_characters_or_none_at_all_is_refused()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        foreach (var body in new[] { "", "bell\u0007", new string('字', 20_001) })
        {
            var response = await host.Client.PostAsync(new Uri("/api/intake/messages", UriKind.Relative), JsonContent.Create(new { receipt, body }));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
