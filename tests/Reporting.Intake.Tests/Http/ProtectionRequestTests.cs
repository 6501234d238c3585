using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;

namespace Reporting.Intake.Tests.Http;

/// <summary>The informant asks for protection against retaliation, over the API and from the status page.</summary>
public sealed partial class ProtectionRequestTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    private const string Fear = "我举报后被单位调离岗位，领导多次暗示要辞退我。";

    [Fact]
    public async Task A_protection_request_is_appended_to_the_case_sealed_to_the_office_and_kept_to_the_hour()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await RequestAsync(receipt, Fear);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = (await session.Events.FetchStreamAsync(caseId)).Last();
        var requested = Assert.IsType<ProtectionRequested>(stored.Data);
        Assert.Equal(Fear, OfficeSide.Open(host, caseId, requested.Request, ProtectionRequested.BodyField));
        Assert.Equal(Intake.Sealing.Hour.Truncate(requested.ReceivedAt), requested.ReceivedAt);
        Assert.Equal((0, 0, 0), (stored.Timestamp.Minute, stored.Timestamp.Second, stored.Timestamp.Millisecond));
    }

    [Fact]
    public async Task An_unknown_receipt_gets_the_same_404_as_for_status()
    {
        var unknown = ReceiptCode.Generate().Display;

        var protection = await RequestAsync(unknown, Fear);
        var status = await IntakeClient.StatusAsync(host.Client, unknown);

        Assert.Equal(HttpStatusCode.NotFound, protection.StatusCode);
        Assert.Equal(await ProblemAsync(status), await ProblemAsync(protection));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("请保护我\u0007")]
    [InlineData("\u202E请保护我")]
    public async Task A_request_that_is_empty_or_holds_control_characters_is_refused(string body)
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);

        var response = await RequestAsync(receipt, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"body\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_receipt_is_refused_before_any_lookup()
    {
        var receipt = ReceiptCode.Generate().Display;
        var mistyped = receipt[..^1] + (receipt[^1] == 'A' ? 'B' : 'A');

        var response = await RequestAsync(mistyped, Fear);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"receipt\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "请求保护", "保护请求已送交受理部门。")]
    [InlineData("?lang=en", "Ask for protection", "Your request for protection has been sent to the office.")]
    public async Task The_status_page_offers_a_labelled_protection_form_that_sends_the_request(string query, string heading, string confirmation)
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);
        var casePage = await PostStatusFormAsync($"/status{query}", new() { ["receipt"] = receipt });
        Assert.Contains($"<h2 id=\"protection\">{heading}</h2>", casePage, StringComparison.Ordinal);
        Assert.Contains("<label for=\"protection-body\">", casePage, StringComparison.Ordinal);
        var form = ProtectionForm().Match(casePage);
        Assert.True(form.Success);

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var response = await host.Client.PostAsync(new Uri($"/protection{query}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["formToken"] = form.Groups["token"].Value,
            ["receipt"] = receipt,
            ["body"] = "Transferred after reporting.\r\nThreatened with dismissal.",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(confirmation, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);
        var requested = Assert.IsType<ProtectionRequested>((await OfficeSide.EventsAsync(host, caseId))[^1]);
        Assert.Equal("Transferred after reporting.\nThreatened with dismissal.", OfficeSide.Open(host, caseId, requested.Request, ProtectionRequested.BodyField));
    }

    [Fact]
    public async Task An_empty_request_from_the_status_page_keeps_the_informant_on_the_case_with_a_plain_message()
    {
        var receipt = await IntakeClient.SubmitValidAsync(host.Client);
        var form = ProtectionForm().Match(await PostStatusFormAsync("/status", new() { ["receipt"] = receipt }));
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        var response = await host.Client.PostAsync(new Uri("/protection", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["formToken"] = form.Groups["token"].Value,
            ["receipt"] = receipt,
            ["body"] = " ",
        }));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请写明您担心或遇到的情况", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"protection\">", html, StringComparison.Ordinal);
        var caseId = ReceiptKeys.CaseId(ReceiptCode.Parse(receipt).Receipt!);
        Assert.IsType<ReportSubmitted>(Assert.Single(await OfficeSide.EventsAsync(host, caseId)));
    }

    private Task<HttpResponseMessage> RequestAsync(string receipt, string body) =>
        host.Client.PostAsync(new Uri("/api/intake/protection-requests", UriKind.Relative), JsonContent.Create(new { receipt, body }));

    /// <summary>Fetches the receipt form, waits out its minimum age and posts it: the case page for the receipt.</summary>
    private async Task<string> PostStatusFormAsync(string path, Dictionary<string, string> fields)
    {
        var html = await host.Client.GetStringAsync(new Uri(path, UriKind.Relative));
        fields["formToken"] = FormToken().Match(html).Groups[1].Value;
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var response = await host.Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        return problem.ToJsonString();
    }

    [GeneratedRegex("name=\"formToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    [GeneratedRegex("<form method=\"post\" action=\"/protection[^\"]*\"[^>]*><input type=\"hidden\" name=\"formToken\" value=\"(?<token>[^\"]+)\">")]
    private static partial Regex ProtectionForm();
}
