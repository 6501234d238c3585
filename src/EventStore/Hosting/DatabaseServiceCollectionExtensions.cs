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
