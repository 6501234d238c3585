using System.Net;
using System.Text.RegularExpressions;

namespace Reporting.Intake.Tests.Http;

public sealed partial class PortalTests(IntakeHost host) : IClassFixture<IntakeHost>
{
    [Theory]
    [InlineData("/", "zh-CN", "Tor 浏览器")]
    [InlineData("/?lang=en", "en", "Tor Browser")]
    public async Task The_front_page_gives_safety_guidance_in_the_asked_language_without_script_or_inline_style(string path, string language, string advice)
    {
        var html = await host.Client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains(advice, html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/intake.css\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stylesheet_is_served_from_this_origin()
    {
        var response = await host.Client.GetAsync(new Uri("/intake.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".receipt", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/report")]
    [InlineData("/report?lang=en")]
    [InlineData("/status")]
    public async Task Every_form_field_has_a_label_and_every_form_a_one_use_token(string path)
    {
        var html = await host.Client.GetStringAsync(new Uri(path, UriKind.Relative));

        var ids = InputId().Matches(html).Select(match => match.Groups[1].Value).ToArray();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Contains($"<label for=\"{id}\">", html, StringComparison.Ordinal));
        Assert.Matches("name=\"formToken\" value=\"[A-Za-z0-9_-]{40,}\"", html);
    }

    [Fact]
    public async Task A_form_posted_at_once_is_refused_as_too_soon_and_keeps_what_was_typed()
    {
        var (token, _) = await FormTokenAsync("/report");

        var response = await PostFormAsync("/report", new() { ["formToken"] = token, ["title"] = "保留的标题" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("提交过快", html, StringComparison.Ordinal);
        Assert.Contains("value=\"保留的标题\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_report_is_shown_again_with_each_problem_beside_its_field_in_English()
    {
        var (token, _) = await FormTokenAsync("/report?lang=en");
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        var response = await PostFormAsync("/report?lang=en", new() { ["formToken"] = token, ["title"] = "Gifts", ["details"] = "too short", ["occurredFrom"] = "2999-01-01" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f-report-accused-0-name-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f-report-details-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Cannot be later than today", html, StringComparison.Ordinal);
        Assert.Contains("Choose 1 to 5 kinds", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Gifts\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_token_posted_twice_is_refused_the_second_time()
    {
        var (token, _) = await FormTokenAsync("/status");
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        await PostFormAsync("/status", new() { ["formToken"] = token, ["receipt"] = "0000" });
        var again = await PostFormAsync("/status", new() { ["formToken"] = token, ["receipt"] = "0000" });

        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("页面已过期", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistyped_receipt_is_caught_before_any_lookup_with_a_plain_message()
    {
        var (token, _) = await FormTokenAsync("/status");
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        var receipt = Intake.Receipts.ReceiptCode.Generate().Display;
        var mistyped = receipt[..^1] + (receipt[^1] == '7' ? '8' : '7');

        var response = await PostFormAsync("/status", new() { ["formToken"] = token, ["receipt"] = mistyped });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("收据码有一个字符不对", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/report")]
    [InlineData("/status?lang=en")]
    public async Task Portal_pages_are_padded_to_size_buckets(string path)
    {
        var length = (await host.Client.GetByteArrayAsync(new Uri(path, UriKind.Relative))).Length;

        Assert.Contains(length, new[] { 2048, 8192, 32768, 131072 });
    }

    private async Task<(string Token, string Html)> FormTokenAsync(string path)
    {
        var html = await host.Client.GetStringAsync(new Uri(path, UriKind.Relative));
        return (Regex.Match(html, "name=\"formToken\" value=\"([^\"]+)\"").Groups[1].Value, html);
    }

    private Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields) =>
        host.Client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields));

    [GeneratedRegex("<(?:input|textarea) (?:type=\"(?:text|date|tel|email|file)\" )?id=\"([^\"]+)\"")]
    private static partial Regex InputId();
}
