using System.Diagnostics;
using System.Security.Cryptography;

namespace Reporting.Intake.Attachments.Cleaning;

/// <summary>
/// A private folder, in memory where the machine has <c>/dev/shm</c>, readable by this user only and deleted with
/// everything in it when disposed; commands run in it under bubblewrap: no network or other namespaces shared, the
/// system read-only, this folder the only writable place besides an empty private <c>/tmp</c>, an address-space
/// limit, and a wall-clock limit after which the whole process tree is killed.
/// </summary>
internal sealed class Sandbox : IDisposable
{
    /// <summary>Where the private folder appears inside the sandbox.</summary>
    public const string Inside = "/work";

    private Sandbox(string folder) => Folder = folder;

    /// <summary>The private folder as this process sees it; the original bytes are written here and nowhere else.</summary>
    public string Folder { get; }

    public static Sandbox Create()
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var folder = Path.Combine(root, "reporting-clean-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new Sandbox(folder);
    }

    public async Task<SandboxRun> RunAsync(IReadOnlyList<string> command, CleaningLimits limits, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("timeout") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in Arguments(command, limits))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("timeout (coreutils) did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limits.TimeLimit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new SandboxRun(TimedOut: true, process.ExitCode, "", "");
        }
        return new SandboxRun(TimedOut: false, process.ExitCode, await output, await error);
    }

    /// <summary>
    /// bwrap is started by coreutils' <c>timeout</c>, not by this process: <c>--die-with-parent</c> is a parent-death
    /// signal, which Linux sends when the parent <em>thread</em> ends, and .NET starts processes from pool threads that
    /// come and go (mat2 was killed mid-run). <c>timeout</c> lives exactly as long as bwrap, and kills it a little after
    /// the limit even if this process is gone and cannot.
    /// </summary>
    private IEnumerable<string> Arguments(IReadOnlyList<string> command, CleaningLimits limits)
    {
        string[] backstop = ["--signal=KILL", $"{Math.Ceiling(limits.TimeLimit.TotalSeconds) + 5}s", "bwrap"];
        string[] isolation = ["--unshare-all", "--die-with-parent", "--new-session", "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8"];
        string[] system = ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"];
        var links = new[] { "/bin", "/lib", "/lib64", "/sbin" }.SelectMany(LinkOrBind);
        string[] folder = ["--bind", Folder, Inside, "--chdir", Inside];
        string[] memory = ["prlimit", $"--as={limits.MaxMemoryBytes}", "--core=0", "--"];
        return [.. backstop, .. isolation, .. system, .. links, .. folder, "--", .. memory, .. command];
    }

    /// <summary>Debian's merged /usr makes these links; an older layout has them as folders, bound read-only.</summary>
    private static string[] LinkOrBind(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
            return ["--symlink", target, path];
        return Directory.Exists(path) ? ["--ro-bind", path, path] : [];
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

internal sealed record SandboxRun(bool TimedOut, int ExitCode, string Output, string Error);
