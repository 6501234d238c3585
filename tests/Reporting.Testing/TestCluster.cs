using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Host.EmbeddedPostgres;

namespace Reporting.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test process (fsync off, in a temp folder, about a second to start),
/// stopped and deleted when the process exits, whether the tests passed or not. Clusters orphaned by a test
/// process that was killed are swept away by the next run.
/// </summary>
public static class TestCluster
{
    private const string FolderPrefix = "reporting-test-";
    private static readonly Lazy<Task<EmbeddedPostgresCluster>> Cluster = new(StartAsync);

    public static Task<EmbeddedPostgresCluster> InstanceAsync() => Cluster.Value;

    /// <summary>
    /// A fresh folder under the temp directory, owned by this test process and swept with it. The owner's process id
    /// is part of the name, so that no other test process can ever see the folder without knowing its owner.
    /// </summary>
    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<EmbeddedPostgresCluster> StartAsync()
    {
        await SweepOrphansAsync();
        var folder = NewFolder();
        var cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions(Path.Combine(folder, "data"), Durable: false), NullLogger.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync(immediate: true).GetAwaiter().GetResult();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The test host may be torn down mid-delete; the next run's sweep removes what is left.
            }
        };
        return cluster;
    }

    private static async Task SweepOrphansAsync()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (!int.TryParse(owner, out var ownerPid) || IsAlive(ownerPid))
                continue;
            try
            {
                var data = Path.Combine(folder, "data");
                if (File.Exists(Path.Combine(data, "PG_VERSION")))
                    await EmbeddedPostgresCluster.RecoverFromCrashAsync(new EmbeddedPostgresOptions(data, Durable: false), NullLogger.Instance);
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException)
            {
                // Another test process is sweeping the same orphan; whichever finishes, it is gone.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
