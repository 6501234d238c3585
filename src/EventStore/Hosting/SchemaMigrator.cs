using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Reporting.EventStore.Hosting;

/// <summary>
/// Creates or migrates the schema at start-up, idempotently: each script runs once, inside one transaction,
/// under an advisory lock so that several hosts starting together do not race. Then the tables of the declared
/// document types, idempotently.
/// </summary>
public sealed class SchemaMigrator(
    NpgsqlDataSource dataSource, DatabaseOptions options, IEnumerable<SchemaScripts> sources, ILogger<SchemaMigrator> logger, StoreOptions? store = null)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var schema = options.Schema;
        await ExecuteAsync(connection, $"""
            SELECT pg_advisory_xact_lock(hashtext('reporting.schema_migrations'));
            CREATE SCHEMA IF NOT EXISTS {schema};
            SET LOCAL search_path TO {schema};
            CREATE TABLE IF NOT EXISTS schema_migrations (
                id text PRIMARY KEY,
                sha256 text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken);

        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT id, sha256 FROM schema_migrations", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                applied[reader.GetString(0)] = reader.GetString(1);

        var count = 0;
        foreach (var (id, sql) in sources.SelectMany(source => source.Load()))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            if (applied.TryGetValue(id, out var appliedHash))
            {
                if (appliedHash != hash)
                    throw new InvalidOperationException($"Schema script {id} was changed after it was applied; add a new script instead of editing an old one.");
                continue;
            }
            await ExecuteAsync(connection, sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (id, sha256) VALUES ($1, $2)", connection);
            record.Parameters.Add(new() { Value = id });
            record.Parameters.Add(new() { Value = hash });
            await record.ExecuteNonQueryAsync(cancellationToken);
            count++;
        }

        // Document tables follow the declared types rather than numbered scripts: created if missing, indexes added.
        foreach (var mapping in store?.Schema.All ?? [])
            await ExecuteAsync(connection, mapping.CreateTableSql(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Schema {Schema} is up to date ({Count} scripts applied now)", schema, count);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
