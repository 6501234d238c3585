using System.Diagnostics;

namespace Reporting.Testing.Tools;

/// <summary>Linked into the test projects that need it. Runs another implementation's command-line tool, so that our output is checked by code we did not write.</summary>
internal static class ExternalTool
{
    public static bool IsOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, name)));

    public static (int ExitCode, string Output, string Error) Run(string fileName, IEnumerable<string> arguments, string workingDirectory, string? standardInput = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(standardInput ?? "");
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within two minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>A fact that is skipped, with the reason printed, when a tool it needs is not on PATH.</summary>
public sealed class FactNeedingToolAttribute : FactAttribute
{
    public FactNeedingToolAttribute(string tool, string debianPackage)
    {
        if (!ExternalTool.IsOnPath(tool))
        {
            Skip = $"'{tool}' is not on PATH; install the Debian package {debianPackage} to run this interoperability test.";
        }
    }
}
