using Microsoft.Playwright;

namespace Reporting.EndToEnd.Tests;

public sealed class IntakePortalInBrowserTests(IntakePortalHost host, Browser browser) : IClassFixture<IntakePortalHost>, IClassFixture<Browser>
{
    /// <summary>Longer than the form delay the host is configured with: a person reads before posting.</summary>
    private static readonly TimeSpan Reading = TimeSpan.FromSeconds(2.1);

    [Fact]
    public async Task With_JavaScript_disabled_an_informant_reports_reads_the_receipt_checks_status_sends_a_message_and_a_photo_in_Chinese()
    {
        var page = await browser.NewPageAsync(host.BaseAddress, javaScript: false);

        await page.GotoAsync("/");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Tor 浏览器", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "提交检举控告" }).ClickAsync();

        await page.Locator("#f-report-accused-0-name").FillAsync("张三");
        await page.Locator("#f-report-accused-0-organization").FillAsync("某市某局");
        await page.GetByLabel("违反廉洁纪律").CheckAsync();
        await page.GetByLabel("标题 *").FillAsync("违规收受礼金");
        await page.Locator("#f-report-details").FillAsync("二〇二六年春节前后多次收受管理服务对象所送礼金和购物卡。\n数额较大。");
        await Task.Delay(Reading);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        Assert.Equal("已收到您的检举控告", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Contains("唯一凭证", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        var receipt = (await page.InnerTextAsync("#receipt")).Trim();
        Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$", receipt);

        await page.GetByRole(AriaRole.Link, new() { Name = "凭收据码查询进度" }).ClickAsync();
        await page.GetByLabel("收据码 *").FillAsync(receipt.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));
        await Task.Delay(Reading);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Equal("已收到", (await page.InnerTextAsync("#stage")).Trim());

        await page.GetByLabel("给受理部门留言").FillAsync("补充：时间是二月三日晚。");
        await Task.Delay(Reading);
        await page.GetByRole(AriaRole.Button, new() { Name = "发送留言" }).ClickAsync();
        Assert.Contains("留言已发送。", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("补充：时间是二月三日晚。", await page.InnerTextAsync(".thread"), StringComparison.Ordinal);

        await page.GetByLabel("选择文件").SetInputFilesAsync(new FilePayload { Name = "现场照片.jpg", MimeType = "image/jpeg", Buffer = Intake.Tests.Attachments.SampleFiles.JpegWithMetadata() });
        await Task.Delay(Reading);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        var main = await page.InnerTextAsync("main");
        Assert.Contains("文件已加密保存： 现场照片.jpg", main, StringComparison.Ordinal);
        Assert.Contains("备注", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Comments", main, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt, page.Url, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_JavaScript_disabled_the_same_works_in_English_chosen_by_link()
    {
        var page = await browser.NewPageAsync(host.BaseAddress, javaScript: false, locale: "en-GB");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Tor Browser", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Submit a report" }).ClickAsync();

        await page.Locator("#f-report-accused-0-name").FillAsync("Zhang San");
        await page.GetByLabel("Bribery or embezzlement").CheckAsync();
        await page.GetByLabel("Title *").FillAsync("Kickbacks on road contracts");
        await page.Locator("#f-report-details").FillAsync("From March the director took a share of every road contract awarded.");
        await Task.Delay(Reading);
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        Assert.Equal("Your report has been received", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Contains("only key", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        var receipt = (await page.InnerTextAsync("#receipt")).Trim();

        await page.GetByRole(AriaRole.Link, new() { Name = "Check progress with your receipt code" }).ClickAsync();
        await page.GetByLabel("Receipt code *").FillAsync(receipt);
        await Task.Delay(Reading);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        Assert.Equal("Received", (await page.InnerTextAsync("#stage")).Trim());

        await page.GetByLabel("Message to the office").FillAsync("The contracts are numbered 2026-17 to 2026-23.");
        await Task.Delay(Reading);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();
        Assert.Contains("Your message has been sent.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Contains("2026-17", await page.InnerTextAsync(".thread"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistake_in_the_form_is_shown_beside_its_field_and_what_was_typed_is_kept()
    {
        var page = await browser.NewPageAsync(host.BaseAddress, javaScript: false);
        await page.GotoAsync("/report");

        await page.GetByLabel("标题 *").FillAsync("只有标题");
        await page.Locator("#f-report-details").FillAsync("太短");
        await Task.Delay(Reading);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();

        Assert.NotNull(await page.QuerySelectorAsync("[role=alert]"));
        Assert.Equal("true", await page.GetAttributeAsync("#f-report-details", "aria-invalid"));
        Assert.Equal("只有标题", await page.InputValueAsync("#f-report-title"));
        Assert.Contains("须为 20 至 20000 个字", await page.InnerTextAsync("#f-report-details-error"), StringComparison.Ordinal);
    }
}
