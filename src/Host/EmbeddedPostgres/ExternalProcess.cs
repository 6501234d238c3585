using System.Diagnostics;

namespace Reporting.Host.EmbeddedPostgres;

internal static class ExternalProcess
{
    /// <summary>Runs a program to completion; a non-zero exit throws with what the program printed, which for initdb and pg_ctl names no secret.</summary>
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
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

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList.Prepend(fileName))} exited with {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}".TrimEnd());
    }
}
