using System.Diagnostics;

namespace Reporting.Testing.Tools;

/// <summary>Linked into the test projects that need it. Runs another implementation's command-line tool, so that our output is checked by code we did not write.</summary>
internal static class ExternalTool
{
    public static bool IsOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, name)));

    public static (int ExitCode, string Output, string Error) Run(string fileName, IEnumerable<string> arguments, string workingDirectory, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null)
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
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
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

/// <summary>
/// A fact that is skipped, with the reason printed, when a tool it needs is not on PATH (or a folder it needs, such as
/// a library's source, is missing). Under <c>./build.sh test</c>, which installs every tool and sets
/// REPORTING_TEST_TOOLS=required, it runs anyway and fails: a missing tool there is a broken machine, not a choice.
/// </summary>
public sealed class FactNeedingToolAttribute : FactAttribute
{
    public FactNeedingToolAttribute(string tool, string debianPackage, string? neededFolder = null)
    {
        var required = Environment.GetEnvironmentVariable("REPORTING_TEST_TOOLS") == "required";
        if (!required && !ExternalTool.IsOnPath(tool))
        {
            Skip = $"'{tool}' is not on PATH; install the Debian package {debianPackage} to run this interoperability test.";
        }
        else if (!required && neededFolder is not null && !Directory.Exists(neededFolder))
        {
            Skip = $"{neededFolder} is missing; install the Debian package {debianPackage} to run this interoperability test.";
        }
    }
}
