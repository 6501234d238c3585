using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using NSec.Cryptography;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Storage.Shredding;
using Reporting.Storage.Timestamps;
using Reporting.Storage.Verification;
using Reporting.Testing;

namespace Reporting.Storage.Tests;

/// <summary>
/// Marten and our additions as the host composes them (the same registrations, the same start-up migration), on a
/// database of its own, with a checkpoint signing key and a key-encryption key.
/// </summary>
public class StorageFixture : PostgresDatabase
{
    public const string Schema = "store";

    private readonly Key _signingKey = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _keyEncryptionKey = Key.Create(AeadAlgorithm.XChaCha20Poly1305);
    private ServiceProvider? _provider;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public IServiceProvider Services => _provider ?? throw new InvalidOperationException("Not started.");

    public IEventStoreIntegrity Integrity => Services.GetRequiredService<IEventStoreIntegrity>();

    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddReportingDatabase(new DatabaseOptions(ConnectionString, Schema));
        services.ConfigureMarten(options =>
        {
            options.Events.AddEventTypes([typeof(LedgerOpened), typeof(AmountDeposited), typeof(AmountWithdrawn), typeof(TipReceived), typeof(WitnessNamed)]);
            options.Projections.Add(new WitnessCountProjection(), ProjectionLifecycle.Inline);
        });
        services.Configure<TimestampPrecisionOptions>(precision => precision.Truncate<TipReceived>(TimeSpan.FromHours(1)));
        services.Configure<IntegrityOptions>(options => options.CheckpointSigningKey = _signingKey);
        services.Configure<ShreddingOptions>(options => options.KeyEncryptionKey = _keyEncryptionKey);
        _provider = services.BuildServiceProvider();
        await _provider.GetRequiredService<SchemaMigrator>().MigrateAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>As a database superuser would tamper: with triggers off, past the one that refuses every rewrite.</summary>
    public Task TamperAsync(string sql) => Psql.RunAsync(ConnectionString, $"SET session_replication_role = replica; SET search_path TO {Schema}; {sql}");

    public override async Task DisposeAsync()
    {
        if (_provider is not null)
            await _provider.DisposeAsync();
        await base.DisposeAsync();
        _signingKey.Dispose();
        _keyEncryptionKey.Dispose();
    }
}
