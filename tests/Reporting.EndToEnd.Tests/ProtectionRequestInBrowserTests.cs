using Microsoft.Playwright;

namespace Reporting.EndToEnd.Tests;

/// <summary>From the status page, with JavaScript disabled and by keyboard alone, an informant asks for protection.</summary>
public sealed class ProtectionRequestInBrowserTests(IntakePortalHost host, Browser browser) : IClassFixture<IntakePortalHost>, IClassFixture<Browser>
{
    /// <summary>Longer than the form delay the host is configured with: a person reads before posting.</summary>
    private static readonly TimeSpan Reading = TimeSpan.FromSeconds(2.1);

    [Theory]
    [InlineData("", "zh-CN", "提交", "查询", "您担心或遇到的情况", "请求保护", "保护请求已送交受理部门。")]
    [InlineData("?lang=en", "en-GB", "Submit", "Check", "What you fear or what has happened", "Ask for protection", "Your request for protection has been sent to the office.")]
    public async Task With_JavaScript_disabled_an_informant_asks_for_protection_from_the_status_page_by_keyboard(
        string query, string locale, string submit, string check, string label, string button, string confirmation)
    {
        var page = await browser.NewPageAsync(host.BaseAddress, javaScript: false, locale: locale);
        await page.GotoAsync($"/report{query}");
        await page.Locator("#f-report-accused-0-name").FillAsync("张三");
        await page.Locator("input[name=categories][value=integrity]").CheckAsync();
        await page.Locator("#f-report-title").FillAsync("违规收受礼金");
        await page.Locator("#f-report-details").FillAsync("二〇二六年春节前后多次收受管理服务对象所送礼金和购物卡。");
        await Task.Delay(Reading);
        await page.GetByRole(AriaRole.Button, new() { Name = submit, Exact = true }).ClickAsync();
        var receipt = (await page.InnerTextAsync("#receipt")).Trim();

        await page.GotoAsync($"/status{query}");
        await page.Locator("#receipt").FillAsync(receipt);
        await Task.Delay(Reading);
        await page.GetByRole(AriaRole.Button, new() { Name = check, Exact = true }).ClickAsync();

        var request = page.GetByLabel(label);
        await request.FocusAsync();
        await page.Keyboard.TypeAsync("I was moved to another post after reporting.");
        await Task.Delay(Reading);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // Enter starts a navigation that the key press does not wait for: wait for the answer page itself.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(confirmation);
        Assert.DoesNotContain(receipt, page.Url, StringComparison.OrdinalIgnoreCase);
    }
}
