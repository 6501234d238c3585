using System.Net;
using System.Text.Json;
using Reporting.Testing;

namespace Reporting.Host.Tests;

public sealed class HostTests(ReportingHost host) : IClassFixture<ReportingHost>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_200_with_the_database_the_keys_and_the_projections_named()
    {
        var live = await host.Client.GetAsync(new Uri("/health", UriKind.Relative));
        var ready = await host.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal(["database", "keys", "projections"], checks.EnumerateObject().Select(check => check.Name).Order().ToArray());
        Assert.All(checks.EnumerateObject(), check => Assert.Equal("Healthy", check.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_OpenAPI_document_is_served_at_the_contract_path()
    {
        var response = await host.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbench_sends_a_visitor_to_its_sign_in_page_under_its_own_strict_policy()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        var response = await client.GetAsync(new Uri("/staff", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/sign-in?returnTo=%2Fstaff", response.Headers.Location?.PathAndQuery);

        var signIn = await client.GetAsync(response.Headers.Location);
        var html = await signIn.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>登录</h1>", html, StringComparison.Ordinal);
        Assert.Equal("no-store", signIn.Headers.CacheControl?.ToString());
        Assert.Equal("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            signIn.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/me")]
    [InlineData("/api/cases")]
    public async Task Every_response_forbids_caching_framing_referrers_and_foreign_scripts(string path)
    {
        // /api/me and /api/cases answer 401 here: a refusal by authentication carries the same headers as any answer.
        var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        var headers = response.Headers;

        Assert.Equal("no-store", headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        var csp = headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_route_gets_a_problem_response()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-route");
        request.Headers.Accept.ParseAdd("application/json");
        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
