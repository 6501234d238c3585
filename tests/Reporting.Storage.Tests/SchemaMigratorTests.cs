using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Testing;

namespace Reporting.Storage.Tests;

public sealed class SchemaMigratorTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private sealed class FakeAssembly(string resourceName, string sql) : Assembly
    {
        public override string[] GetManifestResourceNames() => [resourceName];

        public override Stream GetManifestResourceStream(string name) => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(sql));
    }

    private ServiceProvider Services(string schema, string? sql = null, bool migrateOnStartup = true)
    {
        var services = new ServiceCollection().AddLogging().AddReportingDatabase(new DatabaseOptions(database.ConnectionString, schema, migrateOnStartup));
        if (sql is not null)
            services.AddSingleton(new SchemaScripts("probe", new FakeAssembly("Probe.Schema.0001_things.sql", sql)));
        return services.BuildServiceProvider();
    }

    private async Task MigrateAsync(string schema, string sql)
    {
        await using var provider = Services(schema, sql);
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Martens_schema_and_our_scripts_are_applied_once_in_the_configured_schema_however_often_the_host_starts()
    {
        const string sql = "CREATE TABLE @schema@.things (id int); INSERT INTO @schema@.things VALUES (1);";

        await MigrateAsync("first_schema", sql);
        await MigrateAsync("first_schema", sql);

        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM first_schema.things"));
        Assert.True(await ScalarAsync<bool>("SELECT to_regclass('first_schema.mt_events') IS NOT NULL AND to_regclass('first_schema.stream_keys') IS NOT NULL"));
        Assert.Equal(3L, await ScalarAsync<long>(
            "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'first_schema.mt_events'::regclass AND tgname LIKE 'reporting_%'"));
    }

    [Fact]
    public async Task A_script_edited_after_it_was_applied_is_refused()
    {
        await MigrateAsync("second_schema", "CREATE TABLE @schema@.things (id int);");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrateAsync("second_schema", "CREATE TABLE @schema@.things (id bigint);"));

        Assert.Contains("probe/0001_things.sql was changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_a_host_checks_the_schema_and_refuses_to_start_until_it_was_migrated()
    {
        await using (var production = Services("third_schema", migrateOnStartup: false))
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => production.GetRequiredService<SchemaMigrator>().StartAsync(CancellationToken.None));
            Assert.Contains("reporting db migrate", refused.Message, StringComparison.Ordinal);
            Assert.False(await ScalarAsync<bool>("SELECT to_regclass('third_schema.mt_events') IS NOT NULL"));
        }

        await using (var operatorRun = Services("third_schema"))
            await operatorRun.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await using (var production = Services("third_schema", migrateOnStartup: false))
            await production.GetRequiredService<SchemaMigrator>().StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_schema_that_holds_the_retired_stores_tables_is_refused_untouched()
    {
        await ScalarAsync<int>("CREATE SCHEMA old_store; CREATE TABLE old_store.mt_events (seq_id bigint, hash bytea); SELECT 1");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrateAsync("old_store", "SELECT 1;"));

        Assert.Contains("event store that Marten replaced", refused.Message, StringComparison.Ordinal);
        Assert.False(await ScalarAsync<bool>("SELECT to_regclass('old_store.mt_streams') IS NOT NULL"));
    }

    [Fact]
    public void A_schema_name_that_could_inject_SQL_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new DatabaseOptions("Host=x", "public; DROP TABLE x"));
    }
}
