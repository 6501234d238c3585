using System.Net;
using System.Text.RegularExpressions;
using Reporting.Intake.Contracts;

namespace Reporting.Intake.Tests.Http;

/// <summary>
/// The report form's "add another person" and "remove" buttons, as plain form posts: the form comes back with what was
/// typed and one block more or less, nothing is stored, and the same token still submits the report.
/// </summary>
public sealed partial class AddAnotherPersonTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Theory]
    [InlineData("/report", "再添加一名被反映人")]
    [InlineData("/report?lang=en", "Add another person")]
    public async Task The_form_shows_one_accused_block_and_an_add_button_but_no_remove_button(string path, string add)
    {
        var html = await host.Client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(["0"], Blocks(html));
        Assert.Contains($"name=\"action\" value=\"add-accused\" formaction=\"{path}\">{add}</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("remove-accused-", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_and_removing_people_redraws_the_form_with_what_was_typed_stores_nothing_and_the_same_token_then_submits()
    {
        var token = Token(await host.Client.GetStringAsync(new Uri("/report", UriKind.Relative)));
        var eventsBefore = await EventCountAsync();
        var typed = new Dictionary<string, string>
        {
            ["formToken"] = token,
            ["accusedCount"] = "1",
            ["accused[0].name"] = "张三",
            ["accused[0].organization"] = "某市某局",
            ["categories"] = "integrity",
            ["title"] = "违规收受礼金",
            ["details"] = "二〇二六年春节前后多次收受管理服务对象所送礼金和购物卡，数额较大。",
        };

        // At once, sooner than a report may be posted: drawing the form again is not a submission.
        var once = await PostAsync(typed, "add-accused");
        var onceHtml = await once.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        Assert.Equal(["0", "1"], Blocks(onceHtml));
        Assert.Equal(token, Token(onceHtml));
        Assert.Contains("value=\"张三\"", onceHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"违规收受礼金\"", onceHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"integrity\" checked", onceHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"f-report-accused-1-name\" name=\"accused[1].name\" value=\"\" maxlength=\"100\" autofocus", onceHtml, StringComparison.Ordinal);
        Assert.Contains("role=\"status\">已添加一栏", onceHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"receipt\"", onceHtml, StringComparison.Ordinal);

        typed["accusedCount"] = "2";
        typed["accused[1].name"] = "李四";
        var twice = await (await PostAsync(typed, "add-accused")).Content.ReadAsStringAsync();
        Assert.Equal(["0", "1", "2"], Blocks(twice));
        Assert.Contains("value=\"remove-accused-2\"", twice, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"删除 被检举控告人 2\"", twice, StringComparison.Ordinal);

        typed["accusedCount"] = "3";
        typed["accused[2].name"] = "王五";
        typed["accused[2].position"] = "副局长";
        var removed = await (await PostAsync(typed, "remove-accused-1")).Content.ReadAsStringAsync();
        Assert.Equal(["0", "1"], Blocks(removed));
        Assert.Contains("name=\"accused[1].name\" value=\"王五\"", removed, StringComparison.Ordinal);
        Assert.Contains("name=\"accused[1].position\" value=\"副局长\"", removed, StringComparison.Ordinal);
        Assert.DoesNotContain("李四", removed, StringComparison.Ordinal);
        Assert.Equal(token, Token(removed));
        Assert.Equal(eventsBefore, await EventCountAsync());

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        typed.Remove("accused[2].name");
        typed.Remove("accused[2].position");
        typed.Remove("accused[1].name");
        typed["accusedCount"] = "2";
        typed["accused[1].name"] = "王五";
        var submitted = await PostAsync(typed, "submit");
        var receiptPage = await submitted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var receipt = Intake.Receipts.ReceiptCode.Parse(ReceiptShown().Match(receiptPage).Groups[1].Value).Receipt!;
        var caseId = Intake.Receipts.ReceiptKeys.CaseId(receipt);
        var report = Assert.IsType<ReportSubmitted>((await OfficeSide.EventsAsync(host, caseId))[0]);
        var opened = OfficeSide.Open(host, caseId, report.Report, "report");
        Assert.Contains("张三", opened, StringComparison.Ordinal);
        Assert.Contains("王五", opened, StringComparison.Ordinal);
        Assert.DoesNotContain("李四", opened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_or_forged_token_is_replaced_on_a_redraw_and_the_form_stops_adding_at_the_validators_limit()
    {
        var fields = new Dictionary<string, string> { ["formToken"] = "forged", ["accusedCount"] = "20", ["accused[19].name"] = "赵六" };

        var html = await (await PostAsync(fields, "add-accused")).Content.ReadAsStringAsync();

        Assert.Equal(20, Blocks(html).Length);
        Assert.Matches("name=\"formToken\" value=\"[A-Za-z0-9_-]{40,}\"", html);
        Assert.DoesNotContain("value=\"add-accused\"", html, StringComparison.Ordinal);
        Assert.Contains("已达上限", html, StringComparison.Ordinal);
        Assert.Contains("value=\"赵六\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_block_that_was_never_shown_changes_nothing()
    {
        var token = Token(await host.Client.GetStringAsync(new Uri("/report", UriKind.Relative)));

        var html = await (await PostAsync(new() { ["formToken"] = token, ["accusedCount"] = "1", ["accused[0].name"] = "张三" }, "remove-accused-7")).Content.ReadAsStringAsync();

        Assert.Equal(["0"], Blocks(html));
        Assert.Contains("value=\"张三\"", html, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostAsync(Dictionary<string, string> fields, string action) =>
        host.Client.PostAsync(new Uri("/report", UriKind.Relative), new FormUrlEncodedContent(fields.Append(new("action", action))));

    private async Task<int> EventCountAsync()
    {
        await using var session = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Marten.IDocumentStore>(host.Services).QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Events.QueryAllRawEvents());
    }

    private static string[] Blocks(string html) => BlockId().Matches(html).Select(match => match.Groups[1].Value).ToArray();

    private static string Token(string html) => Regex.Match(html, "name=\"formToken\" value=\"([^\"]+)\"").Groups[1].Value;

    [GeneratedRegex("<fieldset id=\"accused-([0-9]+)\">")]
    private static partial Regex BlockId();

    [GeneratedRegex("id=\"receipt\"[^>]*>\\s*([0-9A-Z-]+)")]
    private static partial Regex ReceiptShown();
}
