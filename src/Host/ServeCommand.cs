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
        // Disposed on Ctrl+C and SIGTERM too: the host's lifetime turns both into a normal return from RunAsync.
        await using var database = await ConfiguredDatabase.OpenAsync(builder.Configuration, logger);
        builder.Configuration["ConnectionStrings:Reporting"] = database.ConnectionString;
        await using var app = ReportingApp.Build(builder);
        await app.RunAsync();
        return 0;
    }
}
