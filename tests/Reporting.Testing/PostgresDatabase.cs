using Npgsql;
using Xunit;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;

namespace Reporting.Testing;

/// <summary>A database of its own for one test class in the shared throwaway cluster, so that classes run in parallel.</summary>
public class PostgresDatabase : IAsyncLifetime
{
    private string? _serverConnectionString;

    public string Name { get; } = $"test_{Guid.NewGuid():N}";

    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync()
    {
        var cluster = await TestCluster.InstanceAsync();
        _serverConnectionString = cluster.ConnectionString;
        ConnectionString = await DatabaseProvisioning.EnsureDatabaseAsync(cluster.ConnectionString, Name);
    }

    public virtual Task DisposeAsync() => DropAsync();

    /// <summary>Drops the database, as a lost disk or an operator's mistake would; a restore drill makes it again.</summary>
    protected async Task DropAsync()
    {
        if (_serverConnectionString is null)
            return;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
