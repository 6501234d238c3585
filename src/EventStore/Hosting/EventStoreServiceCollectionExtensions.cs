using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Reporting.EventStore.Daemon;
using Reporting.EventStore.Integrity;

namespace Reporting.EventStore.Hosting;

public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// Adds to the store's configuration: each module registers its event types, documents and projections here.
    /// The store itself is registered once, by <see cref="DatabaseServiceCollectionExtensions.AddReportingDatabase"/>.
    /// </summary>
    public static IServiceCollection ConfigureMarten(this IServiceCollection services, Action<StoreOptions> configure) =>
        services.AddSingleton(new StoreConfiguration((_, options) => configure(options)));

    /// <summary>
    /// As <see cref="ConfigureMarten(IServiceCollection, Action{StoreOptions})"/>, for settings that come from other
    /// services: keys unlocked at start-up, projections that need them.
    /// </summary>
    public static IServiceCollection ConfigureMarten(this IServiceCollection services, Action<IServiceProvider, StoreOptions> configure) =>
        services.AddSingleton(new StoreConfiguration(configure));

    internal static IServiceCollection AddDocumentStore(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var options = new StoreOptions();
            foreach (var configuration in provider.GetServices<StoreConfiguration>())
                configuration.Configure(provider, options);
            return options;
        });
        services.AddSingleton<IDocumentStore>(provider => new DocumentStore(provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<StoreOptions>()));
        services.AddSingleton(provider => provider.GetRequiredService<IDocumentStore>().BuildProjectionDaemon(provider.GetRequiredService<ILogger<ProjectionDaemon>>()));
        services.AddHostedService<ProjectionDaemonService>();
        services.AddSingleton<IEventStoreIntegrity>(provider => new EventStoreIntegrity(provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<StoreOptions>()));
        services.AddHostedService<CheckpointService>();
        return services;
    }

    internal sealed record StoreConfiguration(Action<IServiceProvider, StoreOptions> Configure);
}
