using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.LodgingAppeal;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Storage.Shredding;
using Reporting.Testing;
using static Reporting.CaseManagement.Tests.Staff;

namespace Reporting.CaseManagement.Tests.Storing;

/// <summary>A case's events stored in the real event store and read back by its aggregation convention.</summary>
public sealed class CaseStreamInTheEventStoreTests : PostgresDatabase
{
    [Fact]
    public async Task A_case_read_back_from_the_event_store_is_the_case_as_decided()
    {
        var history = CaseHistory.Submitted().Closed()
            .At(new DateTimeOffset(2026, 3, 20, 2, 0, 0, TimeSpan.Zero))
            .Do(Registrar, new LodgeAppeal(AppealKind.Review, "Too heavy."));
        await using var services = await StartStoreAsync();
        var store = services.GetRequiredService<IDocumentStore>();

        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<CaseState>(CaseHistory.CaseId, [.. history.Events]);
            await session.SaveChangesAsync();
        }
        await using var query = store.QuerySession();
        var stored = await query.Events.AggregateStreamAsync<CaseState>(CaseHistory.CaseId);

        Assert.NotNull(stored);
        Assert.Equal(history.Events.Count, stored.Version);
        Assert.Equal(JsonSerializer.Serialize(history.State, Plain), JsonSerializer.Serialize(stored, Plain));
    }

    [Fact]
    public async Task What_staff_write_on_a_case_is_stored_sealed_under_the_cases_own_key()
    {
        var history = CaseHistory.Submitted().Closed();
        await using var services = await StartStoreAsync();
        await using (var session = services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream<CaseState>(CaseHistory.CaseId, [.. history.Events]);
            await session.SaveChangesAsync();
        }

        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT string_agg(data::text, ' ') FROM cases.mt_events", connection);
        var stored = (string)(await command.ExecuteScalarAsync())!;

        Assert.Contains("eight-point-rules", stored, StringComparison.Ordinal);
        foreach (var written in new[] { "张三", "Banquets paid from public funds.", "Facts established.", "The subject admits the banquets.", "Violations of the eight-point rules." })
            Assert.DoesNotContain(written, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_offices_copy_of_a_message_to_the_informant_is_stored_sealed_and_reads_back_whole()
    {
        var history = CaseHistory.Submitted().InInquiry()
            .Do(Supervisor2, new Reporting.CaseManagement.Cases.SendingMessage.SendMessage("When exactly were the banquets held?", Guid.NewGuid(), [7, 7, 7]));
        await using var services = await StartStoreAsync();
        var store = services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<CaseState>(CaseHistory.CaseId, [.. history.Events]);
            await session.SaveChangesAsync();
        }

        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT string_agg(data::text, ' ') FROM cases.mt_events", connection);
        Assert.DoesNotContain("were the banquets held", (string)(await command.ExecuteScalarAsync())!, StringComparison.Ordinal);
        await using var query = store.QuerySession();
        var copy = (await query.Events.FetchStreamAsync(CaseHistory.CaseId)).Select(e => e.Data).OfType<OfficeMessageWritten>().Single();
        Assert.Equal(("When exactly were the banquets held?", "supervisor2"), (copy.Body.Value, copy.By));
    }

    private static readonly JsonSerializerOptions Plain = new() { Converters = { new Reporting.CaseManagement.Cases.Listing.PlainShreddableConverter() } };

    private readonly NSec.Cryptography.Key _keyEncryptionKey = NSec.Cryptography.Key.Create(NSec.Cryptography.AeadAlgorithm.XChaCha20Poly1305);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _keyEncryptionKey.Dispose();
    }

    private async Task<ServiceProvider> StartStoreAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddReportingDatabase(new DatabaseOptions(ConnectionString, "cases"));
        services.ConfigureMarten(options => options.Events.AddEventTypes(CaseEventTypes.All));
        services.Configure<ShreddingOptions>(options => options.KeyEncryptionKey = _keyEncryptionKey);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        return provider;
    }
}
