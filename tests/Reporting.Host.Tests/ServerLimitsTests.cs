using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reporting.Storage.Hosting;
using Reporting.Testing;
using Xunit.Abstractions;

namespace Reporting.Host.Tests;

/// <summary>
/// Slow and greedy clients against the real Kestrel host over raw loopback sockets, with the limits shortened so that
/// each attack plays out in seconds: every one ends with the connection closed or a 4xx/503, and nothing stored.
/// </summary>
public sealed class ServerLimitsTests(ServerLimitsTests.ShortLimitsHost host, ITestOutputHelper output) : IClassFixture<ServerLimitsTests.ShortLimitsHost>
{
    public sealed class ShortLimitsHost : ReportingHost
    {
        protected override void Configure(IDictionary<string, string?> settings)
        {
            settings["Kestrel:Limits:RequestHeadersTimeout"] = "00:00:02";
            settings["Kestrel:Limits:MinRequestBodyDataRate:BytesPerSecond"] = "100";
            settings["Kestrel:Limits:MinRequestBodyDataRate:GracePeriod"] = "00:00:02";
            settings["RequestTimeouts:Default"] = "00:00:04";
        }

        protected override void MapEndpoints(WebApplication app) =>
            app.MapGet("/test/never-answers", async (CancellationToken aborted) =>
            {
                await Task.Delay(Timeout.Infinite, aborted);
                return Results.Ok();
            });
    }

    [Fact]
    public async Task Headers_that_never_finish_lose_their_connection_after_the_header_timeout()
    {
        using var socket = await ConnectAsync();
        var clock = Stopwatch.StartNew();
        await socket.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));

        var answer = await ReadUntilClosedAsync(socket, TimeSpan.FromSeconds(20));
        output.WriteLine($"Closed after {clock.Elapsed.TotalSeconds:F1} s (timeout 2 s): {FirstLine(answer)}");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
        Assert.True(answer.Length == 0 || FirstLine(answer).Contains(" 408 ", StringComparison.Ordinal), FirstLine(answer));
    }

    [Fact]
    public async Task A_body_trickled_below_the_minimum_rate_loses_its_connection_and_stores_nothing()
    {
        var before = await CountEventsAsync();
        var (answer, elapsed) = await TrickleReportAsync(" "u8.ToArray(), TimeSpan.FromMilliseconds(500));

        output.WriteLine($"Closed after {elapsed.TotalSeconds:F1} s at 2 B/s against 100 B/s: {FirstLine(answer)}");
        Assert.InRange(elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(20));
        Assert.Contains(" 408 ", FirstLine(answer), StringComparison.Ordinal);
        Assert.Equal(before, await CountEventsAsync());
    }

    [Fact]
    public async Task A_body_sent_fast_enough_but_for_longer_than_the_request_timeout_gets_a_503_problem()
    {
        var before = await CountEventsAsync();
        var padding = new byte[400];
        Array.Fill(padding, (byte)' ');
        // 400 bytes every 200 ms, 2000 B/s: well above the minimum rate, and 100 kB would take 50 s.
        var (answer, elapsed) = await TrickleReportAsync(padding, TimeSpan.FromMilliseconds(200));

        output.WriteLine($"Answered after {elapsed.TotalSeconds:F1} s (request timeout 4 s): {FirstLine(answer)}");
        Assert.Contains(" 503 ", FirstLine(answer), StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
        Assert.Contains("Retry-After: 30", answer, StringComparison.Ordinal);
        Assert.Equal(before, await CountEventsAsync());
    }

    [Fact]
    public async Task A_route_that_never_answers_is_cut_at_the_request_timeout_with_a_503_problem()
    {
        var clock = Stopwatch.StartNew();
        using var response = await host.Client.GetAsync(new Uri("/test/never-answers", UriKind.Relative));

        output.WriteLine($"503 after {clock.Elapsed.TotalSeconds:F1} s (request timeout 4 s)");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("a header of 20 kB", "X-Big: {0}\r\n", 20_000, 1, " 431 ")]
    [InlineData("60 headers", "X-Many-{1}: x\r\n", 1, 60, " 431 ")]
    [InlineData("a request line of 10 kB", null, 10_000, 0, " 414 ")]
    public async Task Oversized_requests_are_refused_before_any_route_sees_them(string what, string? header, int size, int count, string status)
    {
        var target = header is null ? "/health?" + new string('a', size) : "/health";
        var request = new StringBuilder($"GET {target} HTTP/1.1\r\nHost: localhost\r\n");
        for (var i = 0; i < count; i++)
            request.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, header!, new string('b', size), i));
        request.Append("Connection: close\r\n\r\n");
        using var socket = await ConnectAsync();
        await socket.GetStream().WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));

        var answer = await ReadUntilClosedAsync(socket, TimeSpan.FromSeconds(20));
        output.WriteLine($"{what}: {FirstLine(answer)}");
        Assert.Contains(status, FirstLine(answer), StringComparison.Ordinal);
    }

    [Fact]
    public void The_production_limits_come_from_appsettings_through_Kestrel_own_binding()
    {
        var limits = host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;

        Assert.Equal(2000, limits.MaxConcurrentConnections);
        Assert.Equal(0, limits.MaxConcurrentUpgradedConnections);
        Assert.Equal(24L * 1024 * 1024, limits.MaxRequestBodySize);
        Assert.Equal(50, limits.MaxRequestHeaderCount);
        Assert.Equal(16 * 1024, limits.MaxRequestHeadersTotalSize);
        Assert.Equal(TimeSpan.FromMinutes(1), limits.KeepAliveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), limits.RequestHeadersTimeout);
        Assert.Equal(100, limits.MinRequestBodyDataRate!.BytesPerSecond);
        Assert.Equal(240, limits.MinResponseDataRate!.BytesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(10), limits.MinResponseDataRate.GracePeriod);
        Assert.False(host.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public void Every_route_has_a_request_timeout_and_only_file_transfers_have_the_long_one()
    {
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();
        var transfers = endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<RequestTimeoutAttribute>()?.PolicyName == RequestTimeoutPolicies.Transfers)
            .Select(endpoint => endpoint.RoutePattern.RawText ?? "")
            .Order()
            .ToArray();

        Assert.NotEmpty(endpoints);
        Assert.DoesNotContain(endpoints, endpoint => endpoint.Metadata.GetMetadata<DisableRequestTimeoutAttribute>() is not null);
        Assert.Equal<string>(["/api/cases/{caseId}/attachments/{attachmentId}", "/api/intake/attachments", "/attachments", "/staff/cases/{caseId}/attachments/{attachmentId}"], transfers);
        var options = host.Services.GetRequiredService<IOptions<RequestTimeoutOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(4), options.DefaultPolicy!.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(15), options.Policies[RequestTimeoutPolicies.Transfers].Timeout);
    }

    private async Task<int> CountEventsAsync()
    {
        await using var session = host.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Events.QueryAllRawEvents());
    }

    /// <summary>A report that promises 100 kB and sends <paramref name="chunk"/> every <paramref name="every"/> until the server answers or closes.</summary>
    private async Task<(string Answer, TimeSpan Elapsed)> TrickleReportAsync(byte[] chunk, TimeSpan every)
    {
        using var socket = await ConnectAsync();
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "POST /api/intake/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"));
        var clock = Stopwatch.StartNew();
        var closed = ReadUntilClosedAsync(socket, TimeSpan.FromSeconds(30));
        while (!closed.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try { await stream.WriteAsync(chunk); }
            catch (IOException) { break; }
            await Task.WhenAny(closed, Task.Delay(every));
        }
        return (await closed, clock.Elapsed);
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, host.BaseAddress.Port);
        return socket;
    }

    /// <summary>Everything the server sends until it closes the connection (or the bound passes, which fails the test).</summary>
    internal static async Task<string> ReadUntilClosedAsync(TcpClient socket, TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await socket.GetStream().ReadAsync(buffer, timeout.Token)) > 0)
                received.Write(buffer, 0, read);
        }
        catch (IOException)
        {
            // A reset is a close too.
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The server still held the connection after {bound.TotalSeconds} s: {Encoding.ASCII.GetString(received.ToArray())}");
        }
        return Encoding.ASCII.GetString(received.ToArray());
    }

    private static string FirstLine(string answer) => answer.Split("\r\n")[0];
}
