using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Reporting.Testing;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The public record in Chromium, as the public reads it: the notice list, a notice and the verification guide, in
/// both languages, without script, by keyboard; axe finds no WCAG 2.2 AA violation; screenshots for review go to
/// artifacts/screenshots (not committed).
/// </summary>
public sealed class PublicRecordInBrowserTests(PublicRecordInBrowserTests.PublishedRecord record, Browser browser)
    : IClassFixture<PublicRecordInBrowserTests.PublishedRecord>, IClassFixture<Browser>
{
    public sealed class PublishedRecord : IAsyncLifetime
    {
        public DisclosureHost Host { get; } = new();
        public Guid NoticeId { get; private set; }

        public async Task InitializeAsync()
        {
            await Host.InitializeAsync();
            await Host.PublishedSanctionAsync();
            NoticeId = (await Host.PublishedSanctionAsync(body: "经查，张三违反中央八项规定精神，违规收受礼金，严重违反廉洁纪律。")).NoticeId;
        }

        public Task DisposeAsync() => Host.DisposeAsync();
    }

    public static TheoryData<string, string, string> Pages => new()
    {
        { "notices", "", "处分通报" },
        { "notices", "?lang=en", "Published notices" },
        { "notice", "", "某市某局原局长张三受到党内严重警告处分" },
        { "notice", "?lang=en", "某市某局原局长张三受到党内严重警告处分" },
        { "verify", "", "如何核验" },
        { "verify", "?lang=en", "How to verify" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_renders_without_script_passes_axe_at_WCAG_2_2_AA_and_is_photographed(string name, string query, string heading)
    {
        var path = name switch { "notice" => $"/notices/{record.NoticeId}", "verify" => "/verify", _ => "/notices" } + query;
        var withoutScript = await browser.NewPageAsync(record.Host.BaseAddress, javaScript: false);
        var response = await withoutScript.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        Assert.Equal(heading, (await withoutScript.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim());
        Assert.Equal(query.Length == 0 ? "zh-CN" : "en", await withoutScript.GetAttributeAsync("html", "lang"));

        // axe runs as a script of its own, so this copy of the page has script on; the page itself has none.
        var page = await browser.NewPageAsync(record.Host.BaseAddress);
        await page.GotoAsync(path);
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")));
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}-{(query.Length == 0 ? "zh" : "en")}.png"), FullPage = true });
    }

    [Fact]
    public async Task A_reader_searches_by_keyboard_without_script_and_reaches_the_notice_and_its_record_files()
    {
        var page = await browser.NewPageAsync(record.Host.BaseAddress, javaScript: false);
        await page.GotoAsync("/notices");

        await page.GetByLabel("关键词").FillAsync("礼金");
        await page.GetByLabel("关键词").PressAsync("Enter");
        // The URL is polled, not the load event: on a busy machine the results page can finish loading
        // before a wait for its load event begins, and that wait then never ends.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/notices\?q="));
        await page.GetByRole(AriaRole.Link, new() { Name = "某市某局原局长张三受到党内严重警告处分" }).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/notices/[0-9a-f-]{36}$"));

        Assert.Equal("已核验记录", (await page.GetByRole(AriaRole.Heading, new() { Name = "已核验记录" }).InnerTextAsync()).Trim());
        var signature = await page.GetByRole(AriaRole.Link, new() { Name = "签名 (.sig)" }).GetAttributeAsync("href");
        Assert.EndsWith("/v1.sig", signature);
    }

    private static string Screenshots
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Reporting.sln")))
                folder = folder.Parent;
            return Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        }
    }
}
