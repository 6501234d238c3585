using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reporting.Disclosure.Tests.Statistics;

/// <summary>The public statistics through the real host: anonymous, suppressed, cacheable, and only for periods that have ended.</summary>
public sealed class StatisticsOverHttpTests(StatisticsHost host) : IClassFixture<StatisticsHost>
{
    private string Q1 => $"{host.Year}-Q1";

    private static readonly string[] CellMarks = ["<5", "—"];

    private async Task<JsonElement> GetAsync(string period)
    {
        var response = await host.Client.GetAsync(new Uri($"/api/statistics?period={period}", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{period}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_quarter_shows_its_months_and_its_total_with_every_figure_under_five_as_under_five()
    {
        var answer = await GetAsync(Q1);

        Assert.Equal(Q1, answer.GetProperty("period").GetString());
        Assert.Equal([$"{host.Year}-01", $"{host.Year}-02", host.March, Q1], answer.GetProperty("columns").EnumerateArray().Select(column => column.GetProperty("key").GetString()));
        var rows = answer.GetProperty("rows").EnumerateArray().ToDictionary(row => row.GetProperty("key").GetString()!);
        Assert.Equal(30, rows.Count);
        Assert.Equal("收到检举控告", rows["received"].GetProperty("label").GetProperty("zh-CN").GetString());
        Assert.Equal("Reports received", rows["received"].GetProperty("label").GetProperty("en").GetString());
        Assert.Equal("sanctions:party", rows["sanction:party:serious-warning"].GetProperty("partOf").GetString());
        Assert.Equal("<5", Cell(rows["sanction:party:serious-warning"], host.March).GetString());
        Assert.Equal("<5", Cell(rows["disposition:preliminary-verification"], host.March).GetString());
        Assert.Equal("<5", Cell(rows["received"], $"{host.Year}-01").GetString());
        foreach (var row in rows.Values)
            foreach (var cell in row.GetProperty("cells").EnumerateObject())
                Assert.True(cell.Value.ValueKind == JsonValueKind.Number ? cell.Value.GetInt32() >= 5 : CellMarks.Contains(cell.Value.GetString()),
                    $"{row.GetProperty("key")} {cell.Name}: {cell.Value}");
        // Of twelve reports in March and none in January or February, March or the quarter must give way: either gives the other.
        Assert.Contains("—", new[] { Cell(rows["received"], host.March), Cell(rows["received"], Q1) }.Select(cell => cell.ToString()));
        Assert.Contains(answer.GetProperty("markers").EnumerateArray(), marker => marker.GetProperty("value").GetString() == "—");
    }

    [Fact]
    public async Task No_figure_under_five_can_be_worked_out_from_every_answer_about_the_year_taken_together()
    {
        var figures = new PublishedFigures();
        string[] periods = [.. Enumerable.Range(1, 12).Select(month => $"{host.Year}-{month:D2}"), .. Enumerable.Range(1, 4).Select(quarter => $"{host.Year}-Q{quarter}"), $"{host.Year}"];

        foreach (var period in periods)
            figures.Add(await GetAsync(period));

        Assert.Equal(30 * 17, figures.Cells.Count);
        figures.AssertNoSmallRemainder();
    }

    [Fact]
    public async Task An_answer_carries_a_strong_ETag_may_be_cached_publicly_for_five_minutes_and_sets_no_cookie()
    {
        var first = await host.Client.GetAsync(new Uri($"/api/statistics?period={Q1}", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/statistics?period={Q1}");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var revalidated = await host.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=300", first.Headers.CacheControl?.ToString());
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(first.Headers.ETag, revalidated.Headers.ETag);
        Assert.Equal("public, max-age=300", revalidated.Headers.CacheControl?.ToString());
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        var other = await host.Client.GetAsync(new Uri($"/api/statistics?period={host.Year}-Q2", UriKind.Relative));
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
    }

    [Fact]
    public async Task A_period_still_running_is_refused_with_a_problem_that_is_never_cached()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        foreach (var period in new[] { $"{now:yyyy-MM}", $"{now.Year}-Q{(now.Month - 1) / 3 + 1}", $"{now.Year}", $"{now.Year + 1}-01" })
        {
            var response = await host.Client.GetAsync(new Uri($"/api/statistics?period={period}", UriKind.Relative));
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("The period has not ended.", problem.GetProperty("title").GetString());
            Assert.Equal(period, problem.GetProperty("period").GetString());
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task Something_that_is_not_a_period_is_a_validation_problem()
    {
        var response = await host.Client.GetAsync(new Uri("/api/statistics?period=2026-13", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
    }

    [Theory]
    [InlineData("/api/intake/config")]
    [InlineData("/.well-known/jwks.json")]
    [InlineData("/")]
    [InlineData("/staff")]
    public async Task Intake_staff_and_other_answers_still_forbid_caching(string path)
    {
        var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_page_is_a_real_table_in_Simplified_Chinese_by_default()
    {
        var response = await host.Client.GetAsync(new Uri($"/statistics?period={Q1}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{host.Year}年第一季度统计数据</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<caption id=\"caption\">", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"col\">{host.Year}年3月</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">收到检举控告</th>", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/statistics\">", html, StringComparison.Ordinal);
        Assert.Contains("为防推算而隐去", html, StringComparison.Ordinal);
        Assert.Contains("少于 5", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/statistics?period={host.Year}-Q2\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/statistics?period={Q1}&amp;lang=en\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_in_English_says_everything_in_English()
    {
        var response = await host.Client.GetAsync(new Uri($"/statistics?period={Q1}&lang=en", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>Statistics for Q1 {host.Year}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Reports received</th>", html, StringComparison.Ordinal);
        Assert.Contains("Withheld so that small figures cannot be worked out", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"lang\" value=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/statistics?period={host.Year}-Q2&amp;lang=en\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[\u4e00-\u9fff]", html.Replace("简体中文", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_says_why_when_a_period_is_not_one_or_has_not_ended()
    {
        var bad = await host.Client.GetAsync(new Uri("/statistics?period=next-week", UriKind.Relative));
        var running = await host.Client.GetAsync(new Uri($"/statistics?period={DateTimeOffset.UtcNow.Year + 1}&lang=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("无法识别这个期间", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, running.StatusCode);
        Assert.Contains("This period has not ended yet", await running.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("no-store", running.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_stylesheet_comes_from_this_origin_and_may_be_cached()
    {
        var response = await host.Client.GetAsync(new Uri("/disclosure.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_statistics()
    {
        var document = await host.Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Contains("\"/api/statistics\"", document, StringComparison.Ordinal);
    }

    private static JsonElement Cell(JsonElement row, string column) => row.GetProperty("cells").GetProperty(column);
}
