using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Reporting.EventStore.Hosting;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>The one PostgreSQL data source of the process, the start-up schema migration, the document store and the health check.</summary>
    public static IServiceCollection AddReportingDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
            builder.ConnectionStringBuilder.SearchPath = options.Schema;
            builder.ConnectionStringBuilder.ApplicationName ??= "reporting";
            // The store sends the same few statements all the time. Prepared once per connection, they skip parsing and
            // planning; and a connection holding prepared statements is reset without DISCARD ALL when it returns to the
            // pool, which would otherwise throw away the append function's cached plans after every unit of work.
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
                builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            // Nothing here leaves session state on a connection it gives back: SQL sets only SET LOCAL, the daemon gives
            // up its advisory locks and the listener its LISTEN (PooledConnectionStateTests keeps it so). The reset Npgsql
            // would otherwise send with every reuse (RESET ALL, UNLISTEN *, advisory unlocks, DISCARD SEQUENCES and TEMP:
            // a query parsed each time) was a quarter of PostgreSQL's work for a submitted report.
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            return builder.Build();
        });
        services.AddSingleton(new SchemaScripts("eventstore", typeof(DatabaseServiceCollectionExtensions).Assembly));
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService(provider => provider.GetRequiredService<SchemaMigrator>());
        services.AddDocumentStore();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
