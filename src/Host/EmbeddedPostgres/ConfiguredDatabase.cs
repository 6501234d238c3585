using Reporting.Storage.Hosting;

namespace Reporting.Host.EmbeddedPostgres;

/// <summary>
/// The database the host or a verb works on: <c>ConnectionStrings:Reporting</c> when configured, else the embedded
/// cluster in <c>EmbeddedPostgres:DataDirectory</c>, started for as long as this lives and stopped cleanly after.
/// </summary>
internal sealed class ConfiguredDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgresCluster? _cluster;

    private ConfiguredDatabase(string connectionString, EmbeddedPostgresCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
    }

    public string ConnectionString { get; }

    public static async Task<ConfiguredDatabase> OpenAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (configuration.GetConnectionString("Reporting") is { } configured)
            return new ConfiguredDatabase(configured, null);
        var dataDirectory = configuration["EmbeddedPostgres:DataDirectory"] ?? ".data/postgres";
        var cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions(Path.GetFullPath(dataDirectory)), logger, cancellationToken);
        try
        {
            var connectionString = await DatabaseProvisioning.EnsureDatabaseAsync(
                cluster.ConnectionString, configuration["EmbeddedPostgres:Database"] ?? "reporting", cancellationToken);
            return new ConfiguredDatabase(connectionString, cluster);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }
}
