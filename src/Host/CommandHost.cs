using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Host.EmbeddedPostgres;

namespace Reporting.Host;

/// <summary>
/// The application built but not serving, for verbs that work on the database: the configured one, or the embedded
/// cluster that <c>reporting serve</c> would use, started for the verb's duration. The schema is first checked, or
/// migrated where serving would migrate it (Development), as <c>reporting serve</c> does.
/// </summary>
internal static class CommandHost
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> hostArguments, Action<WebApplicationBuilder> configure, Func<IServiceProvider, Task<int>> verb,
        string modules = CaseManagement.CaseManagementModule.Name, bool prepareSchema = true)
    {
        var builder = ReportingApp.CreateBuilder([.. hostArguments]);
        builder.Configuration["Modules"] = modules;
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        configure(builder);
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        await using var database = await ConfiguredDatabase.OpenAsync(builder.Configuration, loggerFactory.CreateLogger("Reporting.Host.EmbeddedPostgres"));
        builder.Configuration["ConnectionStrings:Reporting"] = database.ConnectionString;
        await using var app = ReportingApp.Build(builder);
        if (prepareSchema)
            await app.Services.GetRequiredService<SchemaMigrator>().StartAsync(CancellationToken.None);
        return await verb(app.Services);
    }
}
