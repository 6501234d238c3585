using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The statistics page in Chromium: readable with JavaScript off, and free of the accessibility violations axe-core
/// finds, in both languages. Screenshots of both are kept under artifacts/screenshots/ for a person to look at.
/// </summary>
public sealed class StatisticsPageInBrowserTests(StatisticsSiteHost host, Browser browser) : IClassFixture<StatisticsSiteHost>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("zh-CN", "", "统计数据")]
    [InlineData("en", "&lang=en", "Statistics for")]
    public async Task The_page_has_no_accessibility_violations_and_is_kept_as_a_screenshot(string language, string query, string heading)
    {
        // axe-core is itself a script: it runs in a page that has none of its own, with the site's CSP set aside for it.
        var page = await browser.NewPageAsync(host.BaseAddress, locale: language, bypassContentSecurityPolicy: true);

        var response = await page.GotoAsync($"/statistics?period={host.Year}-Q1{query}");
        var results = await page.RunAxe();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots(), $"statistics-{language}.png"), FullPage = true });

        Assert.Equal(200, response!.Status);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        Assert.Contains(heading, await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(violation =>
            $"{violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString()))}")));
    }

    [Fact]
    public async Task The_period_form_works_with_JavaScript_disabled()
    {
        var page = await browser.NewPageAsync(host.BaseAddress, javaScript: false, locale: "en");
        await page.GotoAsync("/statistics?lang=en");

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Period" }).FillAsync($"{host.Year}-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        Assert.Contains($"period={host.Year}-03", page.Url, StringComparison.Ordinal);
        Assert.Contains("lang=en", page.Url, StringComparison.Ordinal);
        var table = page.GetByRole(AriaRole.Table);
        Assert.Contains($"March {host.Year}", await table.Locator("caption").InnerTextAsync(), StringComparison.Ordinal);
        // Twelve in March and none before: March or the quarter is withheld, or the other would give January and February away.
        var accepted = await table.Locator("tbody tr").Filter(new() { HasText = "Reports accepted" }).Locator("td").First.InnerTextAsync();
        Assert.True(accepted == "12" || accepted.StartsWith('—'), accepted);
    }

    /// <summary>artifacts/screenshots/ at the repository's root, which git ignores.</summary>
    private static string Screenshots()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Reporting.sln")))
            folder = folder.Parent;
        var screenshots = Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        return screenshots;
    }
}
