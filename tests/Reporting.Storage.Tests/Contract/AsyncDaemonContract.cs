using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using JasperFx.Events.Daemon;
using Marten.Events.Daemon;

namespace Reporting.EventStore.Tests.Contract;

public abstract class AsyncDaemonContract(AsyncDaemonFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private IDocumentStore Store => fixture.Store;

    private async Task<Guid> OpenLedgerAsync(int deposits = 0)
    {
        var id = Guid.NewGuid();
        await using var session = Store.LightweightSession();
        session.Events.StartStream<Ledger>(id, [new LedgerOpened(id, "tally"), .. Enumerable.Repeat(new AmountDeposited(1m), deposits)]);
        await session.SaveChangesAsync();
        return id;
    }

    private async Task DepositAsync(Guid id)
    {
        await using var session = Store.LightweightSession();
        session.Events.Append(id, new AmountDeposited(1m));
        await session.SaveChangesAsync();
    }

    /// <summary>Draws a sequence number in a transaction of its own, which stays open until the returned connection is told what to do.</summary>
    private async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction, long Sequence)> AppendUncommittedAsync(Guid streamId, string alias = "amount_deposited")
    {
        var connection = await fixture.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""
            SELECT seq_ids[1] FROM mt_append_streams('*DEFAULT*', ARRAY[$1::uuid], ARRAY[null::text], ARRAY[false], ARRAY[null::bigint], ARRAY[1], ARRAY[gen_random_uuid()], ARRAY[$2],
                ARRAY['test'], ARRAY['{"amount": 1}'::jsonb], ARRAY[interval '0'], ARRAY[null::text], ARRAY[null::text], ARRAY[null::jsonb])
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = alias });
        return (connection, transaction, (long)(await command.ExecuteScalarAsync())!);
    }

    private async Task AssertEveryLedgerTalliedExactlyOnceAsync(IEnumerable<Guid> ids)
    {
        await using var query = Store.QuerySession();
        foreach (var id in ids)
        {
            var sequences = (await query.Events.FetchStreamAsync(id)).Select(e => e.Sequence).ToList();
            Assert.Equal(sequences, (await query.LoadAsync<Tally>(id))!.Sequences);
        }
    }

    private async Task<string> TallyTableAsync() =>
        await fixture.ScalarAsync<string>("SELECT coalesce(string_agg(id::text || data::text, ',' ORDER BY id), '') FROM es.mt_doc_tally");

    private async Task<long> ProgressAsync(string name) =>
        await fixture.ScalarAsync<long>($"SELECT coalesce((SELECT last_seq_id FROM es.mt_event_progression WHERE name = '{name}'), 0)");

    [Fact]
    public async Task The_daemon_applies_every_event_once_and_waits_at_a_gap_while_the_transaction_that_fills_it_is_open()
    {
        var daemon = fixture.Services.GetRequiredService<IProjectionDaemon>();
        await daemon.StartAllAsync();
        var ledgers = new List<Guid>();
        for (var i = 0; i < 6; i++)
            ledgers.Add(await OpenLedgerAsync());
        var slow = await OpenLedgerAsync();

        var longOpen = await AppendUncommittedAsync(slow);
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await DepositAsync(ledgers[(writer + i) % ledgers.Count]);
                if (i % 10 == 0)
                {
                    var rolledBack = await AppendUncommittedAsync(ledgers[writer]);
                    await rolledBack.Transaction.RollbackAsync();
                    await rolledBack.Connection.DisposeAsync();
                }
            }
        })).ToList();
        await Task.WhenAll(writers);
        await Task.Delay(1000);

        Assert.Equal(longOpen.Sequence - 1, await ProgressAsync(nameof(TallyProjection)));
        await longOpen.Transaction.CommitAsync();
        await longOpen.Connection.DisposeAsync();
        await daemon.WaitForNonStaleDataAsync(Patience);

        await AssertEveryLedgerTalliedExactlyOnceAsync([.. ledgers, slow]);
        Assert.Equal(await fixture.ScalarAsync<long>("SELECT max(seq_id) FROM es.mt_events"), await ProgressAsync(nameof(TallyProjection)));
    }

    [Fact]
    public async Task The_daemon_passes_a_gap_once_the_transaction_that_left_it_has_rolled_back()
    {
        var daemon = fixture.Services.GetRequiredService<IProjectionDaemon>();
        await daemon.StartAllAsync();
        var ledger = await OpenLedgerAsync();
        var abandoned = await AppendUncommittedAsync(ledger);
        await DepositAsync(await OpenLedgerAsync());
        await abandoned.Transaction.RollbackAsync();
        await abandoned.Connection.DisposeAsync();

        await daemon.WaitForNonStaleDataAsync(Patience);

        Assert.True(await ProgressAsync(nameof(TallyProjection)) > abandoned.Sequence);
    }

    [Fact]
    public async Task The_daemon_passes_events_of_a_type_its_host_does_not_know()
    {
        var daemon = fixture.Services.GetRequiredService<IProjectionDaemon>();
        await daemon.StartAllAsync();
        var ledger = await OpenLedgerAsync();
        var foreign = await AppendUncommittedAsync(ledger, "written_by_a_module_this_host_does_not_run");
        await foreign.Transaction.CommitAsync();
        await foreign.Connection.DisposeAsync();
        await DepositAsync(ledger);

        await daemon.WaitForNonStaleDataAsync(Patience);

        await AssertEveryLedgerTalliedExactlyOnceAsync([ledger]);
        Assert.True(await ProgressAsync(nameof(TallyProjection)) > foreign.Sequence);
    }

    [Fact]
    public async Task A_rebuild_gives_the_same_documents_as_the_daemon_built()
    {
        var daemon = fixture.Services.GetRequiredService<IProjectionDaemon>();
        await daemon.StartAllAsync();
        var ledgers = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ledgers.Add(await OpenLedgerAsync(deposits: i));
        await daemon.WaitForNonStaleDataAsync(Patience);
        var before = await TallyTableAsync();

        await daemon.RebuildProjectionAsync(nameof(TallyProjection));

        Assert.Equal(before, await TallyTableAsync());
        await AssertEveryLedgerTalliedExactlyOnceAsync(ledgers);
    }

    [Fact]
    public async Task Of_two_daemons_on_one_database_one_leads_and_the_other_takes_over_from_the_recorded_progress_when_it_dies()
    {
        var first = (await fixture.StartAsync(fixture.Configure, "daemon-first")).GetRequiredService<IProjectionDaemon>();
        var second = (await fixture.StartAsync(fixture.Configure, "daemon-second")).GetRequiredService<IProjectionDaemon>();
        await fixture.Services.GetRequiredService<IProjectionDaemon>().StopAllAsync();
        await first.StartAllAsync();
        await Eventually(() => first.IsLeading(nameof(TallyProjection)));
        await second.StartAllAsync();
        var ledgers = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ledgers.Add(await OpenLedgerAsync(deposits: 3));
        await first.WaitForNonStaleDataAsync(Patience);
        Assert.False(second.IsLeading(nameof(TallyProjection)));

        await fixture.ScalarAsync<bool>("SELECT bool_and(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'daemon-first'");
        await first.StopAllAsync();
        var progressAtDeath = await ProgressAsync(nameof(TallyProjection));
        foreach (var id in ledgers)
            await DepositAsync(id);

        await Eventually(() => second.IsLeading(nameof(TallyProjection)));
        await second.WaitForNonStaleDataAsync(Patience);
        Assert.True(await ProgressAsync(nameof(TallyProjection)) > progressAtDeath);
        await AssertEveryLedgerTalliedExactlyOnceAsync(ledgers);
        await second.StopAllAsync();
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true within 10 seconds.");
            await Task.Delay(50);
        }
    }
}

public sealed class PostgresAsyncDaemonContract(AsyncDaemonFixture fixture) : AsyncDaemonContract(fixture), IClassFixture<AsyncDaemonFixture>;
