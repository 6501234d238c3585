using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Storage.Tests;

/// <summary>
/// What the store's additions rely on in Marten 9.58 itself, proved against the package rather than taken from its
/// docs (which say listeners see version 0 in Quick mode): if an upgrade changes any of it, these fail first.
/// </summary>
public sealed class MartenAssumptionsTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private sealed class Probe : DocumentSessionListenerBase
    {
        public List<(long Version, DateTimeOffset Timestamp)> Seen { get; } = [];

        public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            foreach (var stream in session.PendingChanges.Streams())
                foreach (var @event in stream.Events)
                {
                    Seen.Add((@event.Version, @event.Timestamp));
                    @event.SetHeader("probe", $"v{@event.Version}");
                }
            return Task.CompletedTask;
        }
    }

    private IDocumentSession SessionWith(Probe probe) =>
        fixture.Store.LightweightSession(new SessionOptions { Listeners = { probe } });

    private async Task<Guid> StartLedgerAsync(string owner)
    {
        var id = Guid.NewGuid();
        await using var session = fixture.Store.LightweightSession();
        session.Events.StartStream(id, new LedgerOpened(owner));
        await session.SaveChangesAsync();
        return id;
    }

    [Fact]
    public async Task In_quick_mode_listeners_see_the_versions_of_StartStream_FetchForWriting_and_AppendExclusive_and_a_timestamp()
    {
        var id = Guid.NewGuid();
        var probe = new Probe();
        await using (var session = SessionWith(probe))
        {
            session.Events.StartStream(id, new LedgerOpened("甲"), new AmountDeposited(1m));
            await session.SaveChangesAsync();
        }
        await using (var session = SessionWith(probe))
        {
            var stream = await session.Events.FetchForWriting<WitnessCount>(id);
            stream.AppendOne(new AmountDeposited(2m));
            await session.SaveChangesAsync();
        }
        await using (var session = SessionWith(probe))
        {
            await session.Events.AppendExclusive(id, new AmountWithdrawn(1m));
            await session.SaveChangesAsync();
        }

        Assert.Equal([1L, 2L, 3L, 4L], probe.Seen.Select(seen => seen.Version));
        Assert.All(probe.Seen, seen => Assert.True(seen.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [Fact]
    public async Task Headers_set_on_events_by_a_listener_are_stored_beside_the_chain_link()
    {
        var id = Guid.NewGuid();
        await using (var session = SessionWith(new Probe()))
        {
            session.Events.StartStream(id, new LedgerOpened("乙"));
            await session.SaveChangesAsync();
        }

        await using var query = fixture.Store.QuerySession();
        var stored = (await query.Events.FetchStreamAsync(id)).Single();
        Assert.Equal("v1", stored.GetHeader("probe")?.ToString());
        Assert.Matches("^[0-9a-f]{64}$", stored.GetHeader("x-chain")?.ToString());
    }

    [Fact]
    public async Task A_plain_append_leaves_the_version_unknown_and_is_refused_before_anything_is_stored()
    {
        var id = await StartLedgerAsync("丙");

        await using var plain = fixture.Store.LightweightSession();
        plain.Events.Append(id, new AmountDeposited(5m));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => plain.SaveChangesAsync());

        Assert.Contains("without a known version", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await fixture.ScalarAsync<long>($"SELECT count(*) FROM store.mt_events WHERE stream_id = '{id}'"));
    }

    [Fact]
    public async Task The_stored_jsonb_read_back_as_text_reproduces_the_link_the_trigger_wrote()
    {
        var id = Guid.NewGuid();
        await using (var session = fixture.Store.LightweightSession())
        {
            // Keys out of jsonb's order, non-ASCII text and a decimal: what jsonb normalises.
            session.Events.StartStream(id, new LedgerOpened("张伟 \"引号\" \\ /"), new AmountDeposited(1234.5600m));
            await session.SaveChangesAsync();
        }

        var report = await fixture.Integrity.VerifyAsync();

        Assert.True(report.IsIntact, string.Join("; ", report.Findings));
    }

    [Fact]
    public async Task A_row_naming_a_foreign_type_in_mt_dotnet_type_is_refused_on_reading_instead_of_deserialized()
    {
        var id = await StartLedgerAsync("丁");
        const string Body = """{"name": "x", "value": "y"}""";
        // Written as the application's connections could (the chain trigger links it like any row): Marten finds no
        // registered alias, falls back to Type.GetType on mt_dotnet_type, and would deserialize into that type.
        await Psql.RunAsync(fixture.ConnectionString, $"""
            SET search_path TO {StorageFixture.Schema};
            WITH s AS (UPDATE mt_streams SET version = version + 1 WHERE id = '{id}' RETURNING version)
            INSERT INTO mt_events (seq_id, id, stream_id, version, data, type, timestamp, mt_dotnet_type, tenant_id)
            SELECT nextval('mt_events_sequence'), gen_random_uuid(), '{id}', s.version, '{Body}', 'cookie', now(),
                   '{typeof(System.Net.Cookie).AssemblyQualifiedName}', '*DEFAULT*' FROM s;
            """);

        await using var query = fixture.Store.QuerySession();
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => query.Events.FetchStreamAsync(id));

        Assert.Contains("The store reads and writes only its own types", refused.GetBaseException().Message, StringComparison.Ordinal);
    }
}
