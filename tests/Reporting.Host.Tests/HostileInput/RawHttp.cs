using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Reporting.Host.Tests.HostileInput;

/// <summary>
/// HTTP/1.1 written by hand on a loopback socket, because a hostile request is exactly what HttpClient refuses to
/// send: line breaks in header values, duplicated lengths, bytes that are not UTF-8 in the request line.
/// </summary>
internal static class RawHttp
{
    /// <param name="CutShort">The request's body was shorter than it declared and the socket half-closed after it.</param>
    public sealed record Answer(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body, bool CutShort = false)
    {
        public string? Header(string name) => Headers.FirstOrDefault(header => header.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

        public IEnumerable<string> All(string name) =>
            Headers.Where(header => header.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value);
    }

    public static async Task<Answer> SendAsync(int port, string method, string target, IEnumerable<string> headerLines, byte[] body)
    {
        using var socket = new TcpClient { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        var stream = socket.GetStream();
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\n");
        foreach (var line in headerLines)
            head.Append(line).Append("\r\n");
        head.Append("\r\n");
        try
        {
            // Latin-1 writes each char as the one byte it stands for: a case's header bytes reach the server as written.
            await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()));
            await stream.WriteAsync(body);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            // The server answered and closed before the whole body was sent (a 413 or 431): read what it said.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new MemoryStream();
        var buffer = new byte[16384];
        var cutShort = false;
        try
        {
            var first = stream.ReadAsync(buffer, timeout.Token).AsTask();
            // A body shorter than it says, still unanswered after a second, is cut short: half-closed, it ends now
            // rather than at the data-rate limit ten seconds on. (Only then: Kestrel takes a half-close as the client
            // gone and aborts the answer to a request it holds whole.)
            if (Promised(headerLines) > body.Length && await Task.WhenAny(first, Task.Delay(TimeSpan.FromSeconds(1))) != first)
            {
                socket.Client.Shutdown(SocketShutdown.Send);
                cutShort = true;
            }
            var read = await first;
            while (read > 0)
            {
                received.Write(buffer, 0, read);
                // Done at the answer's end, not the connection's: Kestrel may hold the connection a while after it has
                // answered, draining a request body that never ends (chunked and never terminated).
                if (Complete(received.GetBuffer().AsSpan(0, (int)received.Length)))
                    break;
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            // Reset after the answer: what was read stands.
        }
        return Parse(received.ToArray()) with { CutShort = cutShort };
    }

    /// <summary>The body length the header lines declare (the largest, if they disagree); chunked promises more than any.</summary>
    private static long Promised(IEnumerable<string> headerLines)
    {
        long promised = 0;
        foreach (var line in headerLines)
        {
            var pair = line.Split(':', 2);
            if (pair.Length < 2)
                continue;
            if (pair[0].Trim().Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                return long.MaxValue;
            if (pair[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                promised = Math.Max(promised, pair[1].Split(',').Select(value => long.TryParse(value.Trim(), out var length) ? length : 0).Max());
        }
        return promised;
    }

    /// <summary>Whether the bytes hold a whole answer: its head, and a body as long as it declares or chunked to its end.</summary>
    private static bool Complete(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf("\r\n\r\n"u8);
        if (end < 0)
            return false;
        var head = Encoding.Latin1.GetString(bytes[..end]);
        var body = bytes[(end + 4)..];
        if (head.Contains("\r\nTransfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
            return body.EndsWith("0\r\n\r\n"u8);
        var length = head.Split("\r\n").Select(line => line.Split(':', 2))
            .FirstOrDefault(pair => pair.Length == 2 && pair[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase));
        return length is not null && long.TryParse(length[1].Trim(), out var declared) && body.Length >= declared;
    }

    private static Answer Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
            return new Answer(0, [], Encoding.UTF8.GetString(bytes));
        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var status = lines[0].Split(' ') is [_, var code, ..] && int.TryParse(code, out var parsed) ? parsed : 0;
        var headers = lines.Skip(1).Select(line => line.Split(':', 2)).Select(pair => (pair[0].Trim(), pair.Length > 1 ? pair[1].Trim() : "")).ToArray();
        var body = bytes.AsSpan(end + 4);
        var chunked = headers.Any(header => header.Item1.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
            && header.Item2.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        return new Answer(status, headers, Encoding.UTF8.GetString(chunked ? Unchunk(body) : body.ToArray()));
    }

    private static byte[] Unchunk(ReadOnlySpan<byte> body)
    {
        var result = new MemoryStream();
        while (!body.IsEmpty)
        {
            var lineEnd = body.IndexOf("\r\n"u8);
            if (lineEnd < 0 || !int.TryParse(Encoding.ASCII.GetString(body[..lineEnd]), System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
                break;
            body = body[(lineEnd + 2)..];
            result.Write(body[..Math.Min(size, body.Length)]);
            body = body[Math.Min(size + 2, body.Length)..];
        }
        return result.ToArray();
    }
}
