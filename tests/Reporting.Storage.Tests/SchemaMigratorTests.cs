using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Testing;

namespace Reporting.EventStore.Tests;

public sealed class SchemaMigratorTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private sealed class FakeAssembly(string resourceName, string sql) : Assembly
    {
        public override string[] GetManifestResourceNames() => [resourceName];

        public override Stream GetManifestResourceStream(string name) => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(sql));
    }

    private SchemaMigrator Migrator(string schema, string sql) => new(
        NpgsqlDataSource.Create(database.ConnectionString),
        new DatabaseOptions(database.ConnectionString, schema),
        [new SchemaScripts("probe", new FakeAssembly("Probe.Schema.0001_things.sql", sql))],
        NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task Scripts_run_once_in_the_configured_schema_however_often_the_host_starts()
    {
        const string sql = "CREATE TABLE things (id int); INSERT INTO things VALUES (1);";

        await Migrator("first_schema", sql).MigrateAsync();
        await Migrator("first_schema", sql).MigrateAsync();

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM first_schema.things");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_script_edited_after_it_was_applied_is_refused()
    {
        await Migrator("second_schema", "CREATE TABLE things (id int);").MigrateAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator("second_schema", "CREATE TABLE things (id bigint);").MigrateAsync());

        Assert.Contains("probe/0001_things.sql was changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_name_that_could_inject_SQL_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new DatabaseOptions("Host=x", "public; DROP TABLE x"));
    }
}
