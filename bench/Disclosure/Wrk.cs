using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Reporting.Disclosure.Bench;

/// <summary>What one wrk run measured: its Requests/sec, and its socket errors line when it had one.</summary>
internal sealed record WrkRun(double RequestsPerSecond, string? SocketErrors);

/// <summary>Debian's wrk with the same threads, connections and duration for every server.</summary>
internal static partial class Wrk
{
    public static async Task<WrkRun> RunAsync(Uri url, int threads, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk", [$"-t{threads}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", url.AbsoluteUri])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = wrk.StandardOutput.ReadToEndAsync();
        var errors = wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var report = await output;
        if (wrk.ExitCode != 0)
            throw new InvalidOperationException($"wrk {url} exited with {wrk.ExitCode}: {await errors}{report}");
        // wrk counts any answer; a server that refused or failed would look fast.
        if (NonSuccess().Match(report) is { Success: true } failed)
            throw new InvalidOperationException($"wrk {url}: {failed.Groups[1].Value} answers were not 2xx or 3xx.\n{report}");
        var rate = RequestsPerSecond().Match(report);
        if (!rate.Success)
            throw new InvalidOperationException($"wrk {url}: no Requests/sec in its output.\n{report}");
        var socketErrors = SocketErrors().Match(report);
        return new WrkRun(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), socketErrors.Success ? socketErrors.Groups[1].Value.Trim() : null);
    }

    [GeneratedRegex(@"^Requests/sec:\s+([0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors:\s+(.+)")]
    private static partial Regex SocketErrors();
}
