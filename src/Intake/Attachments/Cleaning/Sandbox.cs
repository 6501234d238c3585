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

    /// <summary>
    /// Stands in for <c>bwrap</c> inside the sandbox. mat2 runs exiftool and ffmpeg on the members of a document (the
    /// pictures in a DOCX, the thumbnail of an ODT) under a bubblewrap of its own, and a bubblewrap inside another
    /// cannot mount its <c>/proc</c>, so every such document failed. This drops bubblewrap's options and runs the tool
    /// in the sandbox it is already in, which confines it at least as much (no network, system read-only, only this
    /// folder writable).
    /// </summary>
    private const string NestedBubblewrap = """
        #!/bin/sh
        while [ $# -gt 0 ]; do
          case "$1" in
            --ro-bind|--ro-bind-try|--bind|--bind-try|--dev-bind|--dev-bind-try|--symlink|--setenv|--file|--bind-data|--ro-bind-data) shift 3 ;;
            --dev|--proc|--mqueue|--tmpfs|--dir|--chdir|--unsetenv|--cap-add|--cap-drop|--uid|--gid|--hostname|--remount-ro|--perms|--size|--chmod) shift 2 ;;
            --) shift; break ;;
            --*) shift ;;
            *) break ;;
          esac
        done
        exec "$@"

        """;

    private readonly string root;

    private Sandbox(string root)
    {
        this.root = root;
        Folder = Path.Combine(root, "work");
    }

    /// <summary>The private folder as this process sees it; the original bytes are written here and nowhere else.</summary>
    public string Folder { get; }

    private string Bubblewrap => Path.Combine(root, "bwrap");

    public static Sandbox Create()
    {
        var parent = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var root = Path.Combine(parent, "reporting-clean-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(root, Private);
        var sandbox = new Sandbox(root);
        Directory.CreateDirectory(sandbox.Folder, Private);
        File.WriteAllText(sandbox.Bubblewrap, NestedBubblewrap.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(sandbox.Bubblewrap, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return sandbox;
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
        string[] folder = ["--bind", Folder, Inside, "--chdir", Inside, "--ro-bind", Bubblewrap, "/usr/bin/bwrap"];
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

    public void Dispose() => Directory.Delete(root, recursive: true);
}

internal sealed record SandboxRun(bool TimedOut, int ExitCode, string Output, string Error);
