using System.Text.Json.Serialization.Metadata;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reporting.Storage.Checkpoints;
using Reporting.Storage.Schema;
using Reporting.Storage.Serialization;
using Reporting.Storage.Shredding;
using Reporting.Storage.Timestamps;
using Reporting.Storage.Verification;
using Reporting.Storage.Versions;
using Weasel.Core;

namespace Reporting.Storage.Hosting;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// The one PostgreSQL data source of the process, Marten on it (modules add their own configuration with
    /// <c>services.ConfigureMarten</c>), the async daemon, and what we add on top: the schema of our own tables, the
    /// hash chain's checkpoints, crypto-shredding, coarse timestamps and the health check.
    /// </summary>
    public static IServiceCollection AddReportingDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
            builder.ConnectionStringBuilder.SearchPath = options.Schema;
            builder.ConnectionStringBuilder.ApplicationName ??= "reporting";
            // Nothing here leaves state on a pooled connection (advisory locks are transaction-scoped, settings local to
            // the transaction), and the reset (DISCARD ALL) would throw away the plans of the chain's trigger functions,
            // to be made again in every transaction: the append ratio went from 0.35 to 0.80 without it.
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            return builder.Build();
        });
        services.AddOptions<IntegrityOptions>();
        services.AddOptions<ShreddingOptions>();
        services.AddOptions<TimestampPrecisionOptions>();
        services.AddSingleton<StreamKeyStore>();
        services.AddSingleton(provider => new StreamShredder(provider.GetRequiredService<StreamKeyStore>()));
        services.AddSingleton<SealShreddableFields>();
        services.AddSingleton<Confinement.StreamConfinedSessions>();
        services.AddSingleton<Roles.DatabaseRoles>();
        services.AddSingleton<CoarsenTimestamps>();
        services.AddSingleton(new SchemaScripts("storage", typeof(DatabaseServiceCollectionExtensions).Assembly));
        // Registered before Marten's daemon, so that the schema is in place before any projection runs.
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService(provider => provider.GetRequiredService<SchemaMigrator>());

        services.AddMarten((StoreOptions marten) =>
            {
                marten.DatabaseSchemaName = options.Schema;
                marten.Events.DatabaseSchemaName = options.Schema;
                // Development and tests create what is missing as they go; production changes nothing by itself.
                marten.AutoCreateSchemaObjects = options.MigrateOnStartup ? AutoCreate.CreateOrUpdate : AutoCreate.None;
                // Timestamps are the application's, set before listeners run, so that CoarsenTimestamps can truncate them.
                marten.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
                marten.Events.MetadataConfig.HeadersEnabled = true;
                // Registered here so that the event tables (and the chain's trigger on them) exist in every deployment.
                marten.Events.AddEventType<StreamShredded>();
                // Published on Marten's meter and activity source; the host decides whether they leave the process.
                marten.OpenTelemetry.TrackEventCounters();
                marten.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
                // A writer that loses a race on a stream waits on its row and then fails, before drawing a sequence number.
                marten.Events.UseExclusiveLockOnConcurrentAppends = true;
                // A NOTIFY in every appending transaction serialises commits on PostgreSQL's queue lock (append ratio 0.21
                // against 0.35 without); the daemon polls for new events instead, more often than Marten's 250 ms and
                // 1 s (one indexed query a poll, on the leader only), so that the case list follows intake within tens of
                // milliseconds (bench cases: lag p50 22 ms, p99 72 ms at 20 ms; 60 and 110 ms at 50/100 ms).
                marten.Events.UseListenNotifyForEventAppends = false;
                marten.Projections.FastPollingTime = TimeSpan.FromMilliseconds(20);
                marten.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(20);
                // No document row says when it was last written: for an informant's documents that would be the minute they acted.
                marten.Policies.DisableInformationalFields();
                marten.Projections.DaemonLockId = options.DaemonLockId;
                marten.Events.UseMonitoredAdvisoryLock = true;
                marten.Projections.LeadershipPollingTime = 1000;
                // Staff accounts fold by mutating themselves, which the identity map would apply twice (Marten #4439).
                marten.Projections.UseIdentityMapForAggregates = false;
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .AddAsyncDaemon(DaemonMode.HotCold);
        services.ConfigureMarten((provider, marten) =>
        {
            marten.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
                configure: json =>
                {
                    json.Converters.Add(new ShreddableJsonConverterFactory(provider.GetRequiredService<StreamKeyStore>()));
                    json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(OwnTypesOnly.Refuse);
                });
            marten.Listeners.Add(new RefuseUnversionedAppends());
            marten.Listeners.Add(provider.GetRequiredService<CoarsenTimestamps>());
            marten.Listeners.Add(provider.GetRequiredService<SealShreddableFields>());
        });

        services.AddSingleton<IEventStoreIntegrity, EventStoreIntegrity>();
        services.AddHostedService<CheckpointService>();
        services.AddOptions<ProjectionLagOptions>().BindConfiguration(ProjectionLagOptions.Section);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready])
            .AddCheck<ProjectionLagHealthCheck>("projections", tags: [HealthTags.Ready]);
        return services;
    }
}
