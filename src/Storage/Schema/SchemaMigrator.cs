using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Reporting.Storage.Hosting;

namespace Reporting.Storage.Schema;

/// <summary>
/// Brings the database to what this build expects: first Marten's own objects (its tables, functions and the
/// document tables of every registered type, through Marten's schema management), then the scripts of our own tables
/// and triggers, each once, in one transaction, under an advisory lock so that hosts starting together do not race.
/// At start-up it migrates where <see cref="DatabaseOptions.MigrateOnStartup"/> says so (Development, tests) and
/// otherwise only checks, refusing to start on a database that <c>reporting db migrate</c> has not brought up to date.
/// </summary>
public sealed partial class SchemaMigrator(
    IDocumentStore store, NpgsqlDataSource dataSource, DatabaseOptions options, IEnumerable<SchemaScripts> sources, ILogger<SchemaMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.MigrateOnStartup)
            await MigrateAsync(cancellationToken);
        else
            await AssertCurrentAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await RefuseRetiredStoreAsync(cancellationToken);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"""
            SELECT pg_advisory_xact_lock(hashtext('reporting.schema_migrations'));
            CREATE SCHEMA IF NOT EXISTS {options.Schema};
            CREATE TABLE IF NOT EXISTS {options.Schema}.schema_migrations (
                id text PRIMARY KEY,
                sha256 text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT date_trunc('day', now()));
            """, cancellationToken);
        var applied = await AppliedAsync(connection, cancellationToken);
        var count = 0;
        foreach (var (id, sql, hash) in Scripts())
        {
            if (applied.TryGetValue(id, out var appliedHash))
            {
                if (appliedHash != hash)
                    throw new InvalidOperationException($"Schema script {id} was changed after it was applied; add a new script instead of editing an old one.");
                continue;
            }
            await ExecuteAsync(connection, sql, cancellationToken);
            await using var record = new NpgsqlCommand($"INSERT INTO {options.Schema}.schema_migrations (id, sha256) VALUES ($1, $2)", connection);
            record.Parameters.Add(new() { Value = id });
            record.Parameters.Add(new() { Value = hash });
            await record.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }
        await transaction.CommitAsync(cancellationToken);
        LogMigrated(options.Schema, count);
    }

    /// <summary>Throws unless Marten's objects match the configuration and every script of ours was applied unchanged.</summary>
    public async Task AssertCurrentAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"The database schema {options.Schema} does not match this build; run 'reporting db migrate' first (or 'reporting db script' for the SQL).", exception);
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        exists.Parameters.Add(new() { Value = $"{options.Schema}.schema_migrations" });
        var applied = (bool)(await exists.ExecuteScalarAsync(cancellationToken))! ? await AppliedAsync(connection, cancellationToken) : [];
        var missing = Scripts().Where(script => applied.GetValueOrDefault(script.Id) != script.Hash).Select(script => script.Id).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Schema scripts not applied to {options.Schema}: {string.Join(", ", missing)}; run 'reporting db migrate' first.");
    }

    /// <summary>The scripts of our own tables, with the schema's name in place of <c>@schema@</c>; the hash is of the script as shipped.</summary>
    public IEnumerable<(string Id, string Sql, string Hash)> Scripts() =>
        sources.SelectMany(source => source.Load()).Select(script =>
            (script.Id, script.Sql.Replace("@schema@", options.Schema, StringComparison.Ordinal),
             Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script.Sql)))));

    /// <summary>
    /// The event store that Marten replaced kept its own <c>mt_events</c>, with a <c>hash</c> column, in this schema;
    /// Marten would try to patch that table into its own shape. No deployment holds data in it, so a database that has
    /// it is refused rather than converted.
    /// </summary>
    private async Task RefuseRetiredStoreAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'mt_events' AND column_name = 'hash')");
        command.Parameters.Add(new() { Value = options.Schema });
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            throw new InvalidOperationException(
                $"Schema {options.Schema} holds the tables of the event store that Marten replaced. Start on a new database " +
                "(in Development: delete .data/postgres) or give another schema with --Database:Schema.");
    }

    private async Task<Dictionary<string, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var read = new NpgsqlCommand($"SELECT id, sha256 FROM {options.Schema}.schema_migrations", connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            applied[reader.GetString(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema {Schema} is up to date: Marten's objects applied, {Count} scripts of our own applied now")]
    private partial void LogMigrated(string schema, int count);
}
