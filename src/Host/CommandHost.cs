using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Host.EmbeddedPostgres;

namespace Reporting.Host;

/// <summary>
/// The application built but not serving, for verbs that work on the database: the configured one, or the embedded
/// cluster that <c>reporting serve</c> would use, started for the verb's duration. The schema is migrated first.
/// </summary>
internal static class CommandHost
{
    public static async Task<int> RunAsync(IReadOnlyList<string> hostArguments, Action<WebApplicationBuilder> configure, Func<IServiceProvider, Task<int>> verb)
    {
        var builder = ReportingApp.CreateBuilder([.. hostArguments]);
        builder.Configuration["Modules"] = CaseManagement.CaseManagementModule.Name;
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        configure(builder);
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        EmbeddedPostgresCluster? cluster = null;
        try
        {
            if (builder.Configuration.GetConnectionString("Reporting") is null)
            {
                var dataDirectory = builder.Configuration["EmbeddedPostgres:DataDirectory"] ?? ".data/postgres";
                cluster = await EmbeddedPostgresCluster.StartAsync(new EmbeddedPostgresOptions(Path.GetFullPath(dataDirectory)),
                    loggerFactory.CreateLogger("Reporting.Host.EmbeddedPostgres"));
                builder.Configuration["ConnectionStrings:Reporting"] = await DatabaseProvisioning.EnsureDatabaseAsync(
                    cluster.ConnectionString, builder.Configuration["EmbeddedPostgres:Database"] ?? "reporting");
            }
            await using var app = ReportingApp.Build(builder);
            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
            return await verb(app.Services);
        }
        finally
        {
            if (cluster is not null)
                await cluster.DisposeAsync();
        }
    }
}
