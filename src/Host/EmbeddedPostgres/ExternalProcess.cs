using System.Diagnostics;

namespace Reporting.Host.EmbeddedPostgres;

internal static class ExternalProcess
{
    /// <summary>Runs a program to completion and returns what it printed; a non-zero exit throws with what the program printed, which for initdb, pg_ctl, pg_dump and pg_restore names no secret (passwords go in the environment).</summary>
    public static async Task<string> RunAsync(
        string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList.Prepend(fileName))} exited with {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}".TrimEnd());
        return await output;
    }
}
