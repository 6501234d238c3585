using Microsoft.Playwright;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot work here). One browser per test class;
/// each test opens its own context, with JavaScript on or off, in the language it asks for.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium and fonts-noto-cjk (./build.sh test does).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <param name="bypassContentSecurityPolicy">Only for a test that injects a script of its own, such as axe-core.</param>
    public async Task<IPage> NewPageAsync(Uri baseAddress, bool javaScript = true, string locale = "zh-CN", bool bypassContentSecurityPolicy = false)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = locale,
            BypassCSP = bypassContentSecurityPolicy,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
