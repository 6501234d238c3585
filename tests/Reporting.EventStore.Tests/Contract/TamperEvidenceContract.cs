using Microsoft.Extensions.DependencyInjection;
using Reporting.EventStore.Integrity;

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
}

public sealed class PostgresTamperEvidenceContract : TamperEvidenceContract
{
    protected override EventStoreFixture CreateFixture() => new();
}
