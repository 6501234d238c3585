using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Reporting.Host.EmbeddedPostgres;
using Reporting.Testing;

namespace Reporting.Host.Tests;

public sealed class EmbeddedPostgresClusterTests : IDisposable
{
    private readonly string _folder = TestCluster.NewFolder();

    private EmbeddedPostgresOptions Options => new(Path.Combine(_folder, "data"), Durable: false);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_new_folder_gets_a_cluster_that_accepts_connections_and_keeps_data_across_restarts()
    {
        var first = await EmbeddedPostgresCluster.StartAsync(Options, NullLogger.Instance);
        await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (id int)");
        await first.StopAsync();

        await using var second = await EmbeddedPostgresCluster.StartAsync(Options, NullLogger.Instance);
        Assert.Equal(0L, await ExecuteScalarAsync(second.ConnectionString, "SELECT count(*) FROM kept"));
    }

    [Fact]
    public async Task Stopping_leaves_no_server_process_behind()
    {
        var cluster = await EmbeddedPostgresCluster.StartAsync(Options, NullLogger.Instance);
        var pid = PostmasterPid();
        await cluster.StopAsync();

        Assert.False(File.Exists(Path.Combine(Options.DataDirectory, "postmaster.pid")));
        Assert.False(IsRunning(pid));
    }

    [Fact]
    public async Task A_server_left_running_by_a_killed_host_is_stopped_and_the_cluster_starts_again()
    {
        var abandoned = await EmbeddedPostgresCluster.StartAsync(Options, NullLogger.Instance);
        var abandonedPid = PostmasterPid();

        await using var restarted = await EmbeddedPostgresCluster.StartAsync(Options, NullLogger.Instance);

        Assert.NotEqual(abandonedPid, PostmasterPid());
        Assert.False(IsRunning(abandonedPid));
        Assert.Equal(1, await ExecuteScalarAsync(restarted.ConnectionString, "SELECT 1"));
        Assert.NotEqual(abandoned.Port, restarted.Port);
    }

    [Fact]
    public async Task A_stale_pid_file_after_the_server_itself_was_killed_is_recovered()
    {
        await EmbeddedPostgresCluster.StartAsync(Options, NullLogger.Instance);
        var pid = PostmasterPid();
        using (var postmaster = Process.GetProcessById(pid))
        {
            postmaster.Kill(entireProcessTree: true);
            await postmaster.WaitForExitAsync();
        }
        Assert.True(File.Exists(Path.Combine(Options.DataDirectory, "postmaster.pid")));

        await using var restarted = await EmbeddedPostgresCluster.StartAsync(Options, NullLogger.Instance);

        Assert.Equal(1, await ExecuteScalarAsync(restarted.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task A_folder_holding_something_else_is_refused_with_a_clear_message()
    {
        Directory.CreateDirectory(Options.DataDirectory);
        await File.WriteAllTextAsync(Path.Combine(Options.DataDirectory, "notes.txt"), "not a cluster");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedPostgresCluster.StartAsync(Options, NullLogger.Instance));

        Assert.Contains("neither empty nor a PostgreSQL data folder", error.Message, StringComparison.Ordinal);
    }

    private int PostmasterPid() => int.Parse(File.ReadLines(Path.Combine(Options.DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        return File.Exists(stat) && !File.ReadAllText(stat).Contains(") Z", StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ExecuteScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
