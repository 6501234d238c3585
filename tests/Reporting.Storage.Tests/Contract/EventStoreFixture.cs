using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Marten.Events.Aggregation;
using Reporting.Testing;

namespace Reporting.EventStore.Tests.Contract;

/// <summary>
/// The store as the host builds it (the same registrations, the same start-up migration), on a fresh database.
/// The contract suite knows only this fixture, so that another implementation could be run through it.
/// </summary>
public class EventStoreFixture : PostgresDatabase
{
    private readonly List<ServiceProvider> _providers = [];

    public const string Schema = "es";

    public IDocumentStore Store { get; private set; } = null!;

    public IServiceProvider Services { get; private set; } = null!;

    public virtual void Configure(StoreOptions options)
    {
        options.Events.AddEventType<LedgerOpened>();
        options.Events.AddEventType<AmountDeposited>();
        options.Events.AddEventType<AmountWithdrawn>();
        options.Events.AddEventType<LedgerClosed>();
        options.Events.AddEventType<NoteTaken>();
        options.Events.TimestampPrecision<TipReceived>(TimeSpan.FromHours(1));
        options.Projections.Add(new LedgerSummaryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new TipLogProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<LedgerSummary>().Index(summary => summary.Owner);
        options.Schema.For<Officer>().Index(officer => officer.Unit);
        options.DaemonPollingInterval = TimeSpan.FromMilliseconds(200);
        options.LeadershipPollingInterval = TimeSpan.FromMilliseconds(200);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Services = await StartAsync(Configure);
        Store = Services.GetRequiredService<IDocumentStore>();
    }

    /// <summary>Another process's view of the same database: its own services, configured as it likes.</summary>
    public async Task<IServiceProvider> StartAsync(Action<StoreOptions> configure, string applicationName = "reporting-tests")
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = applicationName }.ConnectionString;
        services.AddReportingDatabase(new DatabaseOptions(connectionString, Schema));
        services.ConfigureMarten(configure);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        return provider;
    }

    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public override async Task DisposeAsync()
    {
        foreach (var provider in _providers)
            await provider.DisposeAsync();
        await base.DisposeAsync();
    }
}
