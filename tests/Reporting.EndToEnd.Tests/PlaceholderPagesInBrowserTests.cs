using Microsoft.Playwright;
using Reporting.Testing;

namespace Reporting.EndToEnd.Tests;

public sealed class PlaceholderPagesInBrowserTests(ReportingHost host, Browser browser) : IClassFixture<ReportingHost>, IClassFixture<Browser>
{
    [Theory]
    [InlineData("/staff", "工作人员平台")]
    public async Task Each_placeholder_surface_renders_its_heading_with_JavaScript_disabled(string path, string heading)
    {
        var page = await browser.NewPageAsync(host.BaseAddress, javaScript: false);

        var response = await page.GotoAsync(path);

        Assert.Equal(200, response!.Status);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        var title = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        Assert.StartsWith(heading, await title.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await page.QuerySelectorAllAsync("form"));
    }
}
