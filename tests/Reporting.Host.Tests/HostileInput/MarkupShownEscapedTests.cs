using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Reporting.Testing;

namespace Reporting.Host.Tests.HostileInput;

/// <summary>
/// Markup typed into every text a person can store (the report's fields, the informant's and the office's messages,
/// a public notice) is kept as typed and shown as text on every page that shows it: the staff workbench, the
/// informant's page, the public site and its feed, and the report form drawn again with what was typed.
/// </summary>
public sealed partial class MarkupShownEscapedTests(MarkupShownEscapedTests.MarkupHost host) : IClassFixture<MarkupShownEscapedTests.MarkupHost>
{
    /// <summary>Breaks out of an attribute, opens a script, and tries an element with a handler; short enough for a name field.</summary>
    private const string Payload = "\"'><script>alert(1)</script><img src=x onerror=alert(1)>";

    public sealed class MarkupHost : DisclosureHost
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            base.Configure(settings);
            settings["Intake:Form:MinimumAge"] = "00:00:00";
        }
    }

    [Fact]
    public async Task Markup_in_a_report_and_in_both_sides_of_the_conversation_is_text_on_the_workbench_and_the_informants_page()
    {
        var title = "收受礼金" + Payload;
        var report = CaseFlowHost.Report(title, new JsonObject { ["name"] = "李四" + Payload, ["phone"] = "13800000000", ["address"] = "某市" + Payload });
        report["details"] = "多次收受礼金和购物卡，数额较大。" + Payload;
        report["location"] = "办公室" + Payload;
        report["accused"] = new JsonArray(new JsonObject { ["name"] = "张三" + Payload, ["position"] = "局长" + Payload, ["organization"] = "某市某局" + Payload });
        var receipt = await host.SubmitAsync(report);
        var caseId = await CaseIdOfAsync(title);
        await host.ActAsync("registrar1", caseId, "register", new
        {
            categories = new[] { "integrity" },
            accused = new[] { new { name = "王五" + Payload, position = "科长" + Payload, organization = "某市某局" } },
            summary = "登记摘要" + Payload,
            realName = true,
            accusesHead = false,
        });
        await host.ActAsync("registrar1", caseId, "accept");
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "supervisor1" } });
        await host.ActAsync("supervisor1", caseId, "send-message", new { body = "请补充时间。" + Payload });
        (await host.Client.PostAsync(new Uri("/api/intake/messages", UriKind.Relative), JsonContent.Create(new { receipt, body = "二月三日。" + Payload }))).EnsureSuccessStatusCode();

        var (cookies, _) = await WorkbenchSession.SignInAsync(host.BaseAddress.Port, "supervisor1", CaseFlowHost.DevelopmentPassword);
        var staffCase = await StaffPageAsync($"/staff/cases/{caseId}", cookies);
        var staffList = await StaffPageAsync("/staff/cases", cookies);
        var informantPage = await InformantPageAsync(receipt);

        // The case shows the accused as registered (the registrar's reading replaces the informant's); the informant's
        // identity is sealed apart and shown only on an approved request, so neither the report's accused nor its name is here.
        AssertShownAsText(staffCase, "收受礼金", "多次收受礼金和购物卡，数额较大。", "办公室", "王五", "科长", "请补充时间。", "二月三日。");
        AssertShownAsText(staffList, "收受礼金");
        AssertShownAsText(informantPage, "请补充时间。", "二月三日。");
    }

    [Fact]
    public async Task Markup_in_a_published_notice_is_text_on_the_public_pages_and_in_the_feed()
    {
        var (noticeId, _) = await host.PublishedSanctionAsync(body: "经查，张三收受礼金。" + Payload);

        AssertShownAsText(await host.Client.GetStringAsync(new Uri($"/notices/{noticeId}", UriKind.Relative)), "经查，张三收受礼金。");
        var feed = await host.Client.GetStringAsync(new Uri("/notices/feed.atom", UriKind.Relative));
        Assert.DoesNotContain("<script>", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_typed_into_the_report_form_is_text_when_the_form_is_drawn_again()
    {
        var form = await host.Client.GetStringAsync(new Uri("/report", UriKind.Relative));
        var fields = new Dictionary<string, string>
        {
            ["formToken"] = FormToken(form),
            ["title"] = "标题" + Payload,
            ["details"] = "详情" + Payload,
            ["accused[0].name"] = "张三" + Payload,
            ["action"] = "add-accused",
        };

        var redrawn = await host.Client.PostAsync(new Uri("/report", UriKind.Relative), new FormUrlEncodedContent(fields));
        var page = await redrawn.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, redrawn.StatusCode);
        AssertShownAsText(page, "标题", "详情", "张三");
    }

    /// <summary>
    /// Shown as text: no element or attribute of the payload in the page as served, and each text with its payload in
    /// the page once entities are decoded, so that the check cannot pass by leaving the text out.
    /// </summary>
    private static void AssertShownAsText(string page, params string[] texts)
    {
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\"'>", page, StringComparison.Ordinal);
        var decoded = WebUtility.HtmlDecode(page);
        foreach (var text in texts)
            Assert.True(decoded.Contains(text + Payload, StringComparison.Ordinal), $"'{text}' and its markup are not on the page");
    }

    private async Task<Guid> CaseIdOfAsync(string title)
    {
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); ; await Task.Delay(50))
        {
            var list = await host.GetJsonAsync("registrar1", "/api/cases?stage=submitted&pageSize=100");
            var item = list.GetProperty("items").EnumerateArray().SingleOrDefault(entry => entry.GetProperty("title").GetString() == title);
            if (item.ValueKind != JsonValueKind.Undefined)
                return item.GetProperty("caseId").GetGuid();
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The report never reached the registrar's list.");
        }
    }

    private async Task<string> StaffPageAsync(string path, string cookies)
    {
        var answer = await RawHttp.SendAsync(host.BaseAddress.Port, "GET", path, ["Host: localhost", "Connection: close", "Cookie: " + cookies], []);
        Assert.Equal(200, answer.Status);
        return answer.Body;
    }

    /// <summary>The informant's page, reached as the portal reaches it: the receipt posted with the form's one-use token.</summary>
    private async Task<string> InformantPageAsync(string receipt)
    {
        var form = await host.Client.GetStringAsync(new Uri("/status", UriKind.Relative));
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var response = await host.Client.PostAsync(new Uri("/status", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["formToken"] = FormToken(form), ["receipt"] = receipt }));
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {page}");
        return page;
    }

    private static string FormToken(string page) =>
        WebUtility.HtmlDecode(FormTokenField().Match(page) is { Success: true } match ? match.Groups["value"].Value : throw new InvalidOperationException("no form token"));

    [GeneratedRegex(@"name=""formToken""[^>]*value=""(?<value>[^""]+)""")]
    private static partial Regex FormTokenField();
}
