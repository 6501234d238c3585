using System.Diagnostics;
using Npgsql;

namespace Reporting.Storage.Tests;

/// <summary>The database administrator's own tool, to tamper with rows behind the store's back.</summary>
public static class Psql
{
    public static async Task RunAsync(string connectionString, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var uri = $"postgresql://{Uri.EscapeDataString(builder.Username!)}:{Uri.EscapeDataString(builder.Password ?? "")}@{builder.Host}:{builder.Port}/{builder.Database}";
        var start = new ProcessStartInfo("psql", ["-v", "ON_ERROR_STOP=1", "-q", "-c", sql, uri])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"psql failed: {await error}");
    }
}
