using Microsoft.Extensions.DependencyInjection;
using Reporting.Storage.Verification;
using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Tests.Contract;

/// <summary>Each test tampers with a store of its own, as a database administrator would, through psql.</summary>
public abstract class TamperEvidenceContract : IAsyncLifetime
{
    private EventStoreFixture _fixture = null!;
    private readonly List<Guid> _ledgers = [];

    protected abstract EventStoreFixture CreateFixture();

    private IEventStoreIntegrity Integrity => _fixture.Services.GetRequiredService<IEventStoreIntegrity>();

    public async Task InitializeAsync()
    {
        _fixture = CreateFixture();
        await _fixture.InitializeAsync();
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.NewGuid();
            await using var session = _fixture.Store.LightweightSession();
            session.CorrelationId = $"correlation-{i}";
            session.Events.StartStream<Ledger>(id, new LedgerOpened(id, $"owner {i}"), new AmountDeposited(10m), new AmountDeposited(20m), new AmountWithdrawn(5m));
            await session.SaveChangesAsync();
            _ledgers.Add(id);
        }
    }

    public Task DisposeAsync() => _fixture.DisposeAsync();

    private async Task<long> SequenceOfAsync(Guid stream, int version) =>
        await _fixture.ScalarAsync<long>($"SELECT seq_id FROM es.mt_events WHERE stream_id = '{stream}' AND version = {version}");

    [Fact]
    public async Task An_untouched_store_verifies_as_intact()
    {
        var report = await Integrity.VerifyAsync();

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
            session.Events.StartStream<Ledger>(fresh, new LedgerOpened(fresh, "together"), new AmountDeposited(2m));
            session.Events.Append(_ledgers[2], 6, new AmountWithdrawn(1m), new AmountDeposited(3m));
            await session.SaveChangesAsync();
        }

        var report = await Integrity.VerifyAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Findings));
        Assert.Equal((17L, 4L), (report.Events, report.Streams));

        await Psql.RunAsync(_fixture.ConnectionString, $"UPDATE es.mt_events SET data = '{{\"amount\": 9}}' WHERE stream_id = '{fresh}' AND version = 2");
        Assert.Equal(fresh, (await Integrity.VerifyAsync()).First!.StreamId);
    }

    [Fact]
    public async Task An_event_altered_with_UPDATE_is_named()
    {
        var target = await SequenceOfAsync(_ledgers[1], 2);

        await Psql.RunAsync(_fixture.ConnectionString, $"UPDATE es.mt_events SET data = '{{\"amount\": 1000}}' WHERE seq_id = {target}");
        var report = await Integrity.VerifyAsync();

        Assert.Equal(target, report.First!.Sequence);
        Assert.Contains("altered", report.First.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_removed_with_DELETE_is_named_by_its_stream_and_version()
    {
        var after = await SequenceOfAsync(_ledgers[0], 3);

        await Psql.RunAsync(_fixture.ConnectionString, $"DELETE FROM es.mt_events WHERE stream_id = '{_ledgers[0]}' AND version = 2");
        var report = await Integrity.VerifyAsync();

        Assert.Equal((after, _ledgers[0]), (report.First!.Sequence, report.First.StreamId));
        Assert.Contains("version 2 before it is missing", report.First.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_event_of_a_stream_removed_with_DELETE_is_detected_through_the_stream_head()
    {
        await Psql.RunAsync(_fixture.ConnectionString, $"DELETE FROM es.mt_events WHERE stream_id = '{_ledgers[2]}' AND version = 4");
        var report = await Integrity.VerifyAsync();

        Assert.Equal(_ledgers[2], report.First!.StreamId);
        Assert.Contains("stream records version 4", report.First.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_events_swapped_in_their_stream_are_named_as_reordered()
    {
        var second = await SequenceOfAsync(_ledgers[1], 2);

        await Psql.RunAsync(_fixture.ConnectionString, $"""
            BEGIN;
            UPDATE es.mt_events SET version = -2 WHERE stream_id = '{_ledgers[1]}' AND version = 2;
            UPDATE es.mt_events SET version = 2 WHERE stream_id = '{_ledgers[1]}' AND version = 3;
            UPDATE es.mt_events SET version = 3 WHERE stream_id = '{_ledgers[1]}' AND version = -2;
            COMMIT;
            """);
        var report = await Integrity.VerifyAsync();

        Assert.Equal(second, report.First!.Sequence);
        Assert.Contains("reordered", report.First.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_checkpoint_verifies_and_covers_every_event_committed_before_it()
    {
        var covered = await Integrity.WriteCheckpointAsync();
        var report = await Integrity.VerifyAsync();

        Assert.True(report.IsIntact, string.Join("; ", report.Findings));
        Assert.Equal(await _fixture.ScalarAsync<long>("SELECT max(seq_id) FROM es.mt_events"), covered);
        Assert.Equal((1, covered), (report.Checkpoints, report.LatestCheckpoint));
    }

    [Fact]
    public async Task A_chain_rewritten_consistently_after_a_checkpoint_is_caught_by_the_checkpoint()
    {
        var checkpoint = (await Integrity.WriteCheckpointAsync())!.Value;
        const string forged = "{\"amount\": 1}";

        await Psql.RunAsync(_fixture.ConnectionString, $"""
            SET search_path TO es;
            UPDATE mt_events e SET data = '{forged}',
                hash = sha256(p.hash || mt_event_canonical(e.seq_id, e.id, e.stream_id, e.version, e.type, e.timestamp, e.tenant_id,
                    '{forged}'::jsonb::text, e.mt_dotnet_type, e.correlation_id, e.causation_id, e.headers::text))
            FROM mt_events p WHERE p.stream_id = e.stream_id AND p.version = 3 AND e.stream_id = '{_ledgers[2]}' AND e.version = 4;
            UPDATE mt_streams s SET head_hash = e.hash FROM mt_events e WHERE e.stream_id = s.id AND e.version = 4 AND s.id = '{_ledgers[2]}';
            """);
        var report = await Integrity.VerifyAsync();

        var finding = Assert.Single(report.Findings);
        Assert.Equal(checkpoint, finding.Sequence);
        Assert.Contains("differs from the newest signed checkpoint", finding.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_altered_or_signed_by_an_untrusted_key_is_refused()
    {
        await Integrity.WriteCheckpointAsync();
        using var forger = Key.Create(SignatureAlgorithm.Ed25519);
        var forgedPublicKey = Convert.ToHexStringLower(forger.PublicKey.Export(KeyBlobFormat.RawPublicKey));

        await Psql.RunAsync(_fixture.ConnectionString, $"""
            UPDATE es.mt_integrity_checkpoints SET stream_count = stream_count + 1;
            INSERT INTO es.mt_integrity_checkpoints (seq_id, stream_count, heads_hash, public_key, signature)
            VALUES (1000000, 3, '\x00', '\x{forgedPublicKey}', '\x00');
            """);
        var report = await Integrity.VerifyAsync();

        Assert.Contains(report.Findings, f => f.Problem.Contains("does not match its signature: it was altered", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.Sequence == 1000000 && f.Problem.Contains("not trusted", StringComparison.Ordinal));
        Assert.Equal(0, report.Checkpoints);
    }
}

public sealed class PostgresTamperEvidenceContract : TamperEvidenceContract
{
    protected override EventStoreFixture CreateFixture() => new SigningFixture();
}

/// <summary>A store that signs checkpoints with a key of its own.</summary>
public sealed class SigningFixture : EventStoreFixture
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    public override void Configure(StoreOptions options)
    {
        base.Configure(options);
        options.Integrity.CheckpointSigningKey = _key;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _key.Dispose();
    }
}
