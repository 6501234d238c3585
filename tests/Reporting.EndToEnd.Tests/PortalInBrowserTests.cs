using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The whole portal in Chromium with JavaScript off: several accused people added and removed without script, and
/// every page and state the informant can reach checked by axe at WCAG 2.2 AA, in both languages. Screenshots for
/// review go to artifacts/screenshots (not committed).
/// </summary>
public sealed class PortalInBrowserTests(PortalCaseFlowHost host, Browser browser) : IClassFixture<PortalCaseFlowHost>, IClassFixture<Browser>
{
    /// <summary>Longer than the form delay the host is configured with: a person reads before posting.</summary>
    private static readonly TimeSpan Reading = TimeSpan.FromSeconds(2.1);

    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "../../../../../artifacts/screenshots");

    [Fact]
    public async Task Without_script_an_informant_adds_two_more_people_removes_one_and_the_registrar_sees_both_who_remain()
    {
        var page = await browser.NewPageAsync(host.BaseAddress, javaScript: false);
        await page.GotoAsync("/report");
        Assert.Equal(1, await page.Locator("fieldset[id^=accused-]").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "删除", Exact = false }).CountAsync());

        await page.Locator("#f-report-accused-0-name").FillAsync("张三");
        await page.Locator("#f-report-accused-0-position").FillAsync("局长");
        await page.GetByLabel("违反廉洁纪律").CheckAsync();
        var title = $"多人共同收受礼金 {Guid.NewGuid():N}";
        await page.GetByLabel("标题 *").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "再添加一名被反映人" }).ClickAsync();

        Assert.Equal(2, await page.Locator("fieldset[id^=accused-]").CountAsync());
        await Assertions.Expect(page.Locator("#f-report-accused-1-name")).ToBeFocusedAsync();
        Assert.Equal("张三", await page.InputValueAsync("#f-report-accused-0-name"));
        Assert.Equal(title, await page.InputValueAsync("#f-report-title"));
        Assert.True(await page.GetByLabel("违反廉洁纪律").IsCheckedAsync());
        await page.Keyboard.TypeAsync("李四");
        await page.GetByRole(AriaRole.Button, new() { Name = "再添加一名被反映人" }).ClickAsync();
        await page.Locator("#f-report-accused-2-name").FillAsync("王五");
        await page.Locator("#f-report-accused-2-organization").FillAsync("某市某局");

        await page.GetByRole(AriaRole.Button, new() { Name = "删除 被检举控告人 2", Exact = true }).ClickAsync();
        Assert.Equal(2, await page.Locator("fieldset[id^=accused-]").CountAsync());
        Assert.Equal("王五", await page.InputValueAsync("#f-report-accused-1-name"));
        Assert.Equal("某市某局", await page.InputValueAsync("#f-report-accused-1-organization"));
        Assert.Contains("已删除该栏", await page.InnerTextAsync("[role=status]"), StringComparison.Ordinal);

        await page.Locator("#f-report-details").FillAsync("二〇二六年春节前后，两人多次收受管理服务对象所送礼金和购物卡。");
        await Task.Delay(Reading);
        // Enter in a field submits the report, not "add another": the form's first submit button is the report's own.
        await page.Locator("#f-report-title").PressAsync("Enter");

        Assert.Equal("已收到您的检举控告", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var list = await host.GetJsonAsync("registrar1", "/api/cases?stage=submitted&pageSize=100");
        var caseId = list.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("title").GetString() == title).GetProperty("caseId").GetGuid();
        var accused = (await host.GetJsonAsync("registrar1", $"/api/cases/{caseId}")).GetProperty("report").GetProperty("accused").EnumerateArray().ToArray();
        Assert.Equal(["张三", "王五"], accused.Select(person => person.GetProperty("name").GetString()));
        Assert.Equal("某市某局", accused[1].GetProperty("organization").GetString());
    }

    [Theory]
    [InlineData("", "zh")]
    [InlineData("?lang=en", "en")]
    public async Task Every_portal_page_and_state_passes_axe_at_WCAG_2_2_AA(string query, string language)
    {
        var page = await browser.NewPageAsync(host.BaseAddress, javaScript: false, locale: language == "en" ? "en-GB" : "zh-CN");
        // axe runs as a script of its own, so it reads a copy of each page in a page with script on; the portal has none.
        var axe = await browser.NewPageAsync(host.BaseAddress, bypassContentSecurityPolicy: true);
        await axe.GotoAsync("/intake.css");
        var failures = new List<string>();
        async Task CheckAsync(string state)
        {
            await axe.SetContentAsync(await page.ContentAsync());
            var results = await axe.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
            });
            Assert.NotEmpty(results.Passes);
            failures.AddRange(results.Violations.Select(v => $"{state}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
            Directory.CreateDirectory(Screenshots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"portal-{state}-{language}.png"), FullPage = true });
        }

        await page.GotoAsync($"/{query}");
        await CheckAsync("home");

        await page.GotoAsync($"/report{query}");
        await CheckAsync("report-form");
        await page.Locator("#f-report-accused-0-name").FillAsync("张三");
        await page.Locator("button[value=add-accused]").ClickAsync();
        await CheckAsync("report-form-two-people");
        await page.Locator("#f-report-title").FillAsync("违规收受礼金");
        await page.Locator("button[value=submit]").ClickAsync();
        await CheckAsync("refusal-too-soon");
        await Task.Delay(Reading);
        await page.Locator("#f-report-details").FillAsync("太短");
        await page.Locator("button[value=submit]").ClickAsync();
        await CheckAsync("report-form-errors");

        await page.Locator("input[name=categories][value=integrity]").CheckAsync();
        await page.Locator("#f-report-details").FillAsync("二〇二六年春节前后多次收受管理服务对象所送礼金和购物卡，数额较大。");
        await page.Locator("#f-report-accused-1-name").FillAsync("王五");
        await Task.Delay(Reading);
        await page.Locator("button[value=submit]").ClickAsync();
        var receipt = (await page.InnerTextAsync("#receipt")).Trim();
        await CheckAsync("receipt");

        await page.GotoAsync($"/status{query}");
        await CheckAsync("status-form");
        await page.Locator("#receipt").FillAsync(receipt[..^1] + (receipt[^1] == '7' ? '8' : '7'));
        await Task.Delay(Reading);
        await page.Locator("form[action^='/status'] button").ClickAsync();
        await CheckAsync("refusal-mistyped-receipt");
        await page.Locator("#receipt").FillAsync(receipt);
        await Task.Delay(Reading);
        await page.Locator("form[action^='/status'] button").ClickAsync();
        await CheckAsync("status");

        await page.Locator("#message").FillAsync(language == "en" ? "The second gift was on 3 February." : "补充：第二次是二月三日晚。");
        await Task.Delay(Reading);
        await page.Locator("form[action^='/messages'] button").ClickAsync();
        Assert.Equal(1, await page.Locator(".thread li").CountAsync());
        await CheckAsync("status-thread");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = Intake.Tests.Attachments.SampleFiles.JpegWithMetadata() });
        await Task.Delay(Reading);
        await page.Locator("form[action^='/attachments'] button").ClickAsync();
        await CheckAsync("upload-result");

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = "<!DOCTYPE html><html><body>not a photo</body></html>"u8.ToArray() });
        await Task.Delay(Reading);
        await page.Locator("form[action^='/attachments'] button").ClickAsync();
        Assert.Contains(language == "en" ? "not recognised, so it was not kept" : "无法识别这个文件的格式，未保存", await page.InnerTextAsync("main"));
        await CheckAsync("upload-refused");

        await page.Locator("#protection-body").FillAsync(language == "en" ? "I was moved to another post after reporting." : "举报后我被调离原岗位。");
        await Task.Delay(Reading);
        await page.Locator("form[action^='/protection'] button").ClickAsync();
        await CheckAsync("protection-request");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
