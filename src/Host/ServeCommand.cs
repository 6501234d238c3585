using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Host.EmbeddedPostgres;

namespace Reporting.Host;

/// <summary><c>reporting serve</c>: runs the selected surfaces, on the configured database or on an embedded local PostgreSQL.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[]? modules, IReadOnlyList<string> hostArguments)
    {
        var builder = ReportingApp.CreateBuilder([.. hostArguments]);
        if (modules is { Length: > 0 })
            builder.Configuration["Modules"] = string.Join(',', modules);

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
        var logger = loggerFactory.CreateLogger("Reporting.Host.EmbeddedPostgres");
        EmbeddedPostgresCluster? cluster = null;
        try
        {
            if (builder.Configuration.GetConnectionString("Reporting") is null)
            {
                var dataDirectory = builder.Configuration["EmbeddedPostgres:DataDirectory"] ?? ".data/postgres";
                cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions(Path.GetFullPath(dataDirectory)), logger);
                builder.Configuration["ConnectionStrings:Reporting"] = await DatabaseProvisioning.EnsureDatabaseAsync(
                    cluster.ConnectionString, builder.Configuration["EmbeddedPostgres:Database"] ?? "reporting");
            }

            await using var app = ReportingApp.Build(builder);
            await app.RunAsync();
            return 0;
        }
        finally
        {
            // Runs on Ctrl+C and SIGTERM too: the host's lifetime turns both into a normal return from RunAsync.
            if (cluster is not null)
                await cluster.DisposeAsync();
        }
    }
}
