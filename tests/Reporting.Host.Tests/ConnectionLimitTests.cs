using System.Net;
using System.Net.Sockets;
using System.Text;
using Reporting.Testing;
using Xunit.Abstractions;

namespace Reporting.Host.Tests;

/// <summary>A host that holds three connections at most: a fourth client is turned away while the three stay served.</summary>
public sealed class ConnectionLimitTests(ConnectionLimitTests.ThreeConnectionsHost host, ITestOutputHelper output) : IClassFixture<ConnectionLimitTests.ThreeConnectionsHost>
{
    public sealed class ThreeConnectionsHost : ReportingHost
    {
        protected override void Configure(IDictionary<string, string?> settings) =>
            settings["Kestrel:Limits:MaxConcurrentConnections"] = "3";
    }

    [Fact]
    public async Task A_connection_past_the_limit_is_closed_unanswered_and_the_held_ones_still_work()
    {
        // The fixture's own client has made no request, so holds no connection.
        var held = new List<TcpClient>();
        for (var i = 0; i < 3; i++)
        {
            var socket = new TcpClient();
            await socket.ConnectAsync(IPAddress.Loopback, host.BaseAddress.Port);
            Assert.StartsWith("HTTP/1.1 200", await AskAsync(socket), StringComparison.Ordinal);
            held.Add(socket);
        }

        using var fourth = new TcpClient();
        await fourth.ConnectAsync(IPAddress.Loopback, host.BaseAddress.Port);
        try { await fourth.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")); }
        catch (IOException) { /* closed before the request was written: refused too */ }
        var refused = await ServerLimitsTests.ReadUntilClosedAsync(fourth, TimeSpan.FromSeconds(10));
        output.WriteLine($"The fourth connection got {(refused.Length == 0 ? "a close and no answer" : refused.Split("\r\n")[0])}");
        Assert.DoesNotContain("200 OK", refused, StringComparison.Ordinal);

        foreach (var socket in held)
            Assert.StartsWith("HTTP/1.1 200", await AskAsync(socket), StringComparison.Ordinal);
        held.ForEach(socket => socket.Dispose());
    }

    private static async Task<string> AskAsync(TcpClient socket)
    {
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await stream.ReadAsync(buffer, timeout.Token);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
