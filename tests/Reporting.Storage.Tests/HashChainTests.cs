using Npgsql;
using NSec.Cryptography;

namespace Reporting.Storage.Tests;

/// <summary>
/// The hash chain over Marten's <c>mt_events</c>. Each test has a database of its own and tampers with it as a database
/// administrator would, through psql with triggers off; <c>reporting verify</c> runs the same verifier.
/// </summary>
public sealed class HashChainTests : IAsyncLifetime
{
    private readonly StorageFixture _fixture = new();
    private readonly List<Guid> _ledgers = [];

    public async Task InitializeAsync()
    {
        await _fixture.InitializeAsync();
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.NewGuid();
            await using var session = _fixture.Store.LightweightSession();
            session.Events.StartStream(id, new LedgerOpened($"owner {i}"), new AmountDeposited(10m), new AmountDeposited(20m), new AmountWithdrawn(5m));
            await session.SaveChangesAsync();
            _ledgers.Add(id);
        }
    }

    public Task DisposeAsync() => _fixture.DisposeAsync();

    private Task<long> SequenceOfAsync(Guid stream, int version) =>
        _fixture.ScalarAsync<long>($"SELECT seq_id FROM store.mt_events WHERE stream_id = '{stream}' AND version = {version}");

    [Fact]
    public async Task An_untouched_store_verifies_as_intact()
    {
        var report = await _fixture.Integrity.VerifyAsync();

        Assert.True(report.IsIntact, string.Join("; ", report.Findings));
        Assert.Equal((12L, 3L), (report.Events, report.Streams));
    }

    [Fact]
    public async Task Streams_started_and_extended_together_in_one_unit_of_work_chain_and_verify()
    {
        var fresh = Guid.NewGuid();
        await using (var session = _fixture.Store.LightweightSession())
        {
            session.Events.Append(_ledgers[0], 5, new AmountDeposited(1m));
            session.Events.StartStream(fresh, new LedgerOpened("together"), new AmountDeposited(2m));
            await session.Events.AppendExclusive(_ledgers[2], new AmountWithdrawn(1m), new AmountDeposited(3m));
            await session.SaveChangesAsync();
        }

        var report = await _fixture.Integrity.VerifyAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Findings));
        Assert.Equal((17L, 4L), (report.Events, report.Streams));
    }

    [Fact]
    public async Task The_application_cannot_rewrite_or_delete_a_stored_event()
    {
        var target = await SequenceOfAsync(_ledgers[0], 2);

        foreach (var sql in new[] { $"UPDATE mt_events SET data = '{{}}' WHERE seq_id = {target}", $"DELETE FROM mt_events WHERE seq_id = {target}" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(async () =>
            {
                await using var command = _fixture.DataSource.CreateCommand(sql);
                await command.ExecuteNonQueryAsync();
            });
            Assert.Equal("RP002", refused.SqlState);
        }
    }

    [Fact]
    public async Task An_event_body_edited_with_UPDATE_is_named()
    {
        var target = await SequenceOfAsync(_ledgers[1], 2);

        await _fixture.TamperAsync($"UPDATE mt_events SET data = '{{\"amount\": 1000}}' WHERE seq_id = {target}");
        var report = await _fixture.Integrity.VerifyAsync();

        Assert.Equal(target, report.First!.Sequence);
        Assert.Contains("altered", report.First.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_row_removed_with_DELETE_is_named_by_its_stream_and_version()
    {
        var after = await SequenceOfAsync(_ledgers[0], 3);

        await _fixture.TamperAsync($"DELETE FROM mt_events WHERE stream_id = '{_ledgers[0]}' AND version = 2");
        var report = await _fixture.Integrity.VerifyAsync();

        Assert.Equal((after, _ledgers[0]), (report.First!.Sequence, report.First.StreamId));
        Assert.Contains("version 2 before it is missing", report.First.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_event_of_a_stream_removed_with_DELETE_is_detected_through_the_stream_row()
    {
        await _fixture.TamperAsync($"DELETE FROM mt_events WHERE stream_id = '{_ledgers[2]}' AND version = 4");
        var report = await _fixture.Integrity.VerifyAsync();

        Assert.Equal(_ledgers[2], report.First!.StreamId);
        Assert.Contains("stream records version 4", report.First.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_events_swapped_in_their_stream_are_named_as_reordered()
    {
        var second = await SequenceOfAsync(_ledgers[1], 2);

        await _fixture.TamperAsync($"""
            UPDATE mt_events SET version = -2 WHERE stream_id = '{_ledgers[1]}' AND version = 2;
            UPDATE mt_events SET version = 2 WHERE stream_id = '{_ledgers[1]}' AND version = 3;
            UPDATE mt_events SET version = 3 WHERE stream_id = '{_ledgers[1]}' AND version = -2;
            """);
        var report = await _fixture.Integrity.VerifyAsync();

        Assert.Equal(second, report.First!.Sequence);
        Assert.Contains("reordered", report.First.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_checkpoint_covers_every_event_below_Martens_high_water_mark()
    {
        Assert.Null(await _fixture.Integrity.WriteCheckpointAsync());
        await _fixture.Store.Advanced.AdvanceHighWaterMarkToLatestAsync(CancellationToken.None);

        var covered = await _fixture.Integrity.WriteCheckpointAsync();
        var report = await _fixture.Integrity.VerifyAsync();

        Assert.True(report.IsIntact, string.Join("; ", report.Findings));
        Assert.Equal(await _fixture.ScalarAsync<long>("SELECT max(seq_id) FROM store.mt_events"), covered);
        Assert.Equal((1, covered), (report.Checkpoints, report.LatestCheckpoint));
        Assert.Null(await _fixture.Integrity.WriteCheckpointAsync());
    }

    [Fact]
    public async Task A_chain_rewritten_consistently_after_a_checkpoint_is_caught_by_the_checkpoint()
    {
        await _fixture.Store.Advanced.AdvanceHighWaterMarkToLatestAsync(CancellationToken.None);
        var checkpoint = (await _fixture.Integrity.WriteCheckpointAsync())!.Value;

        // The forger rewrites the last event of a stream and recomputes its link exactly as the trigger does.
        await _fixture.TamperAsync($$"""
            UPDATE mt_events e SET data = '{"amount": 1}', headers = jsonb_build_object('x-chain', encode(sha256(
                decode(p.headers ->> 'x-chain', 'hex') || convert_to(concat_ws('|', e.seq_id::text, e.id::text, e.stream_id::text, e.version::text,
                    reporting_canonical_field(e.type), (extract(epoch FROM e.timestamp) * 1000000)::bigint::text,
                    reporting_canonical_field(e.tenant_id), reporting_canonical_field('{"amount": 1}'::jsonb::text),
                    reporting_canonical_field(NULL), reporting_canonical_field(e.mt_dotnet_type), reporting_canonical_field(NULL)), 'UTF8')), 'hex'))
            FROM mt_events p WHERE p.stream_id = e.stream_id AND p.version = 3 AND e.stream_id = '{{_ledgers[2]}}' AND e.version = 4;
            """);
        var report = await _fixture.Integrity.VerifyAsync();

        var finding = Assert.Single(report.Findings);
        Assert.Equal(checkpoint, finding.Sequence);
        Assert.Contains("differs from the newest signed checkpoint", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_altered_or_signed_by_an_untrusted_key_is_refused()
    {
        await _fixture.Store.Advanced.AdvanceHighWaterMarkToLatestAsync(CancellationToken.None);
        await _fixture.Integrity.WriteCheckpointAsync();
        using var forger = Key.Create(SignatureAlgorithm.Ed25519);
        var forgedPublicKey = Convert.ToHexStringLower(forger.PublicKey.Export(KeyBlobFormat.RawPublicKey));

        await _fixture.TamperAsync($"""
            UPDATE integrity_checkpoints SET stream_count = stream_count + 1;
            INSERT INTO integrity_checkpoints (seq_id, stream_count, heads_hash, public_key, signature)
            VALUES (1000000, 3, '\x00', '\x{forgedPublicKey}', '\x00');
            """);
        var report = await _fixture.Integrity.VerifyAsync();

        Assert.Contains(report.Findings, f => f.Problem.Contains("does not match its signature: it was altered", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Sequence == 1000000 && f.Problem.Contains("not trusted", StringComparison.Ordinal));
        Assert.Equal(0, report.Checkpoints);
    }
}
