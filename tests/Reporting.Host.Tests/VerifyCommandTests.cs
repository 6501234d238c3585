using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Testing;

namespace Reporting.Host.Tests;

public sealed record Noted(string Text);

public sealed class VerifyCommandTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private async Task<long> AppendThreeEventsAsync(string schema)
    {
        var services = new ServiceCollection().AddLogging().AddReportingDatabase(new DatabaseOptions(database.ConnectionString, schema));
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await using var session = provider.GetRequiredService<IDocumentStore>().LightweightSession();
        var stream = Guid.NewGuid();
        session.Events.StartStream(stream, new Noted("one"), new Noted("two"), new Noted("three"));
        await session.SaveChangesAsync();
        await using var middle = provider.GetRequiredService<NpgsqlDataSource>().CreateCommand($"SELECT seq_id FROM mt_events WHERE stream_id = '{stream}' AND version = 2");
        return (long)(await middle.ExecuteScalarAsync())!;
    }

    private Task<int> VerifyAsync(string schema, StringWriter output) =>
        VerifyCommand.RunAsync([$"--ConnectionStrings:Reporting={database.ConnectionString}", $"--Database:Schema={schema}"], [], output, CancellationToken.None);

    [Fact]
    public async Task Verify_reports_an_intact_history_with_exit_code_0()
    {
        await AppendThreeEventsAsync("verify_intact");
        var output = new StringWriter();

        Assert.Equal(0, await VerifyAsync("verify_intact", output));
        Assert.Contains("Checked 3 events in 1 streams", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_the_altered_event_and_exits_with_code_2()
    {
        var altered = await AppendThreeEventsAsync("verify_tampered");
        await using (var tamper = NpgsqlDataSource.Create(database.ConnectionString))
        // As a database superuser would: with triggers off, past the one that refuses every rewrite.
        await using (var command = tamper.CreateCommand(
            $"SET session_replication_role = replica; UPDATE verify_tampered.mt_events SET data = '{{\"text\": \"forged\"}}' WHERE seq_id = {altered}"))
            await command.ExecuteNonQueryAsync();
        var output = new StringWriter();

        Assert.Equal(2, await VerifyAsync("verify_tampered", output));
        Assert.Contains($"The first: event {altered} ", output.ToString(), StringComparison.Ordinal);
    }
}
