using Reporting.Intake.Attachments.Cleaning;
using Reporting.Testing.Tools;

namespace Reporting.Intake.Tests.Attachments.Cleaning;

/// <summary>The very bwrap invocation that runs mat2, given other commands: what it cannot do, mat2 cannot either.</summary>
public sealed class SandboxTests
{
    private static readonly CleaningLimits Limits = new();

    [FactNeedingTool("bwrap", "bubblewrap")]
    public async Task A_command_in_the_sandbox_cannot_write_to_the_machine_s_tmp_or_system()
    {
        var escape = Path.Combine("/tmp", $"escape-{Guid.NewGuid():N}");
        using var sandbox = Sandbox.Create();

        var toTmp = await sandbox.RunAsync(["sh", "-c", $"echo x > {escape} && cat {escape}"], Limits, CancellationToken.None);
        var toSystem = await sandbox.RunAsync(["sh", "-c", "echo x > /usr/escape || echo x > /etc/escape"], Limits, CancellationToken.None);
        var toFolder = await sandbox.RunAsync(["sh", "-c", "echo x > inside && cat inside"], Limits, CancellationToken.None);

        Assert.Equal("x", toTmp.Output.Trim());
        Assert.False(File.Exists(escape), "a write to the sandbox's /tmp reached the machine's");
        Assert.NotEqual(0, toSystem.ExitCode);
        Assert.False(File.Exists("/usr/escape") || File.Exists("/etc/escape"));
        Assert.Equal("x", toFolder.Output.Trim());
        Assert.True(File.Exists(Path.Combine(sandbox.Folder, "inside")));
    }

    [FactNeedingTool("bwrap", "bubblewrap")]
    public async Task A_command_in_the_sandbox_has_no_network()
    {
        using var sandbox = Sandbox.Create();
        var connect = "import socket\nfor host in ('127.0.0.1', '1.1.1.1'):\n    try:\n        socket.create_connection((host, 53), timeout=2); print('connected')\n    except OSError as error: print(type(error).__name__)";

        var run = await sandbox.RunAsync(["/usr/bin/python3", "-c", connect], Limits, CancellationToken.None);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("connected", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [FactNeedingTool("bwrap", "bubblewrap")]
    public async Task A_command_in_the_sandbox_is_killed_at_the_time_limit_and_held_to_the_memory_limit()
    {
        using var sandbox = Sandbox.Create();
        var limits = new CleaningLimits { TimeLimit = TimeSpan.FromMilliseconds(500), MaxMemoryBytes = 256L * 1024 * 1024 };

        var started = DateTime.UtcNow;
        var slow = await sandbox.RunAsync(["sleep", "30"], limits, CancellationToken.None);
        // Its own time limit: on a loaded machine Python's start alone can take longer than the half second above, and
        // this run must end by the memory limit, not the clock.
        var greedy = await sandbox.RunAsync(["/usr/bin/python3", "-c", "b = bytearray(512 * 1024 * 1024)"],
            new CleaningLimits { TimeLimit = TimeSpan.FromSeconds(20), MaxMemoryBytes = limits.MaxMemoryBytes }, CancellationToken.None);

        Assert.True(slow.TimedOut);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.NotEqual(0, greedy.ExitCode);
        Assert.Contains("MemoryError", greedy.Error, StringComparison.Ordinal);
    }

    [FactNeedingTool("bwrap", "bubblewrap")]
    public async Task The_private_folder_is_readable_by_this_user_only_and_gone_once_disposed()
    {
        string folder;
        using (var sandbox = Sandbox.Create())
        {
            folder = sandbox.Folder;
            await File.WriteAllTextAsync(Path.Combine(folder, "original"), "bytes");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }

        Assert.False(Directory.Exists(folder));
    }
}
