using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Marten;

namespace Reporting.EventStore.Tests.Contract;

/// <summary>What any event store behind this API must do, whatever runs it; a concrete class supplies the fixture.</summary>
public abstract class EventStoreContract(EventStoreFixture fixture)
{
    protected IDocumentStore Store => fixture.Store;

    protected EventStoreFixture Fixture => fixture;

    protected async Task<Guid> OpenLedgerAsync(string owner = "ledger owner", params object[] more)
    {
        var id = Guid.NewGuid();
        await using var session = Store.LightweightSession();
        session.Events.StartStream<Ledger>(id, [new LedgerOpened(id, owner), .. more]);
        await session.SaveChangesAsync();
        return id;
    }

    [Fact]
    public async Task Appended_events_read_back_in_order_with_their_types_and_versions()
    {
        var id = await OpenLedgerAsync("reader", new AmountDeposited(10m));
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(id, new AmountWithdrawn(3m));
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(id);

        Assert.Equal([typeof(LedgerOpened), typeof(AmountDeposited), typeof(AmountWithdrawn)], events.Select(e => e.EventType));
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        Assert.Equal(["ledger_opened", "amount_deposited", "amount_withdrawn"], events.Select(e => e.EventTypeName));
        Assert.Equal(new AmountWithdrawn(3m), events[2].Data);
        Assert.All(events, e => Assert.Equal(id, e.StreamId));
        var state = await query.Events.FetchStreamStateAsync(id);
        Assert.Equal(3, state!.Version);
        Assert.Equal("ledger", state.AggregateTypeName);
    }

    [Fact]
    public async Task Starting_a_stream_whose_id_exists_fails_with_a_collision()
    {
        var id = await OpenLedgerAsync();

        await using var session = Store.LightweightSession();
        session.Events.StartStream<Ledger>(id, new LedgerOpened(id, "second"));
        var error = await Assert.ThrowsAsync<ExistingStreamIdCollisionException>(() => session.SaveChangesAsync());

        Assert.Equal(id, error.Id);
    }

    [Fact]
    public async Task Of_eight_writers_on_one_stream_exactly_one_wins_each_round_and_no_sequence_number_is_lost()
    {
        var id = await OpenLedgerAsync("contended");
        const int rounds = 10;
        const int writers = 8;
        for (var round = 0; round < rounds; round++)
        {
            var streams = new List<(IDocumentSession Session, Events.IEventStream<Ledger> Stream)>();
            for (var writer = 0; writer < writers; writer++)
            {
                var session = Store.LightweightSession();
                streams.Add((session, await session.Events.FetchForWriting<Ledger>(id)));
            }
            var outcomes = await Task.WhenAll(streams.Select(async pair =>
            {
                pair.Stream.AppendOne(new AmountDeposited(1m));
                try
                {
                    await pair.Session.SaveChangesAsync();
                    return true;
                }
                catch (ConcurrencyException)
                {
                    return false;
                }
                finally
                {
                    await pair.Session.DisposeAsync();
                }
            }));
            Assert.Equal(1, outcomes.Count(won => won));
        }

        await using var query = Store.QuerySession();
        var ledger = await query.Events.AggregateStreamAsync<Ledger>(id);
        Assert.Equal(rounds, ledger!.Movements);
        // Counted from this stream's first event on: a unit of work rolled back by another test leaves its own gap.
        Assert.Equal(0L, await Fixture.ScalarAsync<long>($"""
            SELECT (max(seq_id) - min(seq_id) + 1) - count(*) FROM es.mt_events
            WHERE seq_id >= (SELECT min(seq_id) FROM es.mt_events WHERE stream_id = '{id}')
            """));
    }

    [Fact]
    public async Task Appending_with_a_stale_expected_version_fails_and_appends_nothing()
    {
        var id = await OpenLedgerAsync("versioned", new AmountDeposited(1m));

        await using var session = Store.LightweightSession();
        session.Events.Append(id, 2, new AmountDeposited(5m));
        await Assert.ThrowsAsync<EventStreamUnexpectedMaxEventIdException>(() => session.SaveChangesAsync());
        await using var stale = Store.LightweightSession();
        await Assert.ThrowsAsync<EventStreamUnexpectedMaxEventIdException>(() => stale.Events.FetchForWriting<Ledger>(id, 1));

        await using var query = Store.QuerySession();
        Assert.Equal(2, (await query.Events.FetchStreamStateAsync(id))!.Version);
    }

    [Fact]
    public async Task A_unit_of_work_commits_whole_or_not_at_all_when_a_later_statement_fails()
    {
        var existing = await OpenLedgerAsync("atomic");
        var fresh = Guid.NewGuid();
        var officer = new Officer(Guid.NewGuid(), "atomic", "first", 1);

        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(fresh, new NoteTaken("appended before the failure"));
            session.Events.Append(existing, 3, new LedgerClosed("stale"));
            session.Store(officer);
            await Assert.ThrowsAsync<EventStreamUnexpectedMaxEventIdException>(() => session.SaveChangesAsync());
        }

        await using var query = Store.QuerySession();
        Assert.Null(await query.Events.FetchStreamStateAsync(fresh));
        Assert.Null(await query.LoadAsync<Officer>(officer.Id));
        Assert.Equal(1, (await query.Events.FetchStreamStateAsync(existing))!.Version);
    }

    [Fact]
    public async Task Events_no_inline_projection_handles_are_stored_with_the_documents_of_their_unit_of_work()
    {
        var id = Guid.NewGuid();
        var officer = new Officer(Guid.NewGuid(), "noted", "second", 2);

        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(id, new NoteTaken("one"), new NoteTaken("two"));
            session.Store(officer);
            await session.SaveChangesAsync();
        }
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(id, 3, new NoteTaken("three"));
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(id);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        Assert.Equal(new NoteTaken("three"), events[2].Data);
        Assert.Equal(officer, await query.LoadAsync<Officer>(officer.Id));
    }

    [Fact]
    public async Task Events_of_all_streams_share_one_global_order_in_the_order_they_were_committed()
    {
        var first = await OpenLedgerAsync("first");
        var second = await OpenLedgerAsync("second");
        foreach (var id in new[] { first, second, first })
        {
            await using var session = Store.LightweightSession();
            session.Events.Append(id, new AmountDeposited(1m));
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var a = await query.Events.FetchStreamAsync(first);
        var b = await query.Events.FetchStreamAsync(second);

        Assert.True(a[0].Sequence < b[0].Sequence && b[0].Sequence < a[1].Sequence && a[1].Sequence < b[1].Sequence && b[1].Sequence < a[2].Sequence);
    }

    [Fact]
    public async Task One_unit_of_work_starts_and_extends_several_streams_each_with_its_own_versions_in_the_unit_of_works_order()
    {
        var existing = await OpenLedgerAsync("extended", new AmountDeposited(1m));
        var (first, last) = (Guid.NewGuid(), Guid.NewGuid());

        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(first, new NoteTaken("a1"), new NoteTaken("a2"));
            session.Events.Append(existing, 4, new AmountDeposited(2m), new AmountWithdrawn(1m));
            session.Events.StartStream(last, new NoteTaken("c1"));
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var (a, b, c) = (await query.Events.FetchStreamAsync(first), await query.Events.FetchStreamAsync(existing), await query.Events.FetchStreamAsync(last));
        Assert.Equal([1L, 2L], a.Select(e => e.Version));
        Assert.Equal([1L, 2L, 3L, 4L], b.Select(e => e.Version));
        Assert.Equal([1L], c.Select(e => e.Version));
        Assert.Equal((2L, 4L, 1L), ((await query.Events.FetchStreamStateAsync(first))!.Version, (await query.Events.FetchStreamStateAsync(existing))!.Version, (await query.Events.FetchStreamStateAsync(last))!.Version));
        long[] order = [a[0].Sequence, a[1].Sequence, b[2].Sequence, b[3].Sequence, c[0].Sequence];
        Assert.Equal(Enumerable.Range(0, 5).Select(i => order[0] + i), order);
    }

    [Theory]
    [InlineData("collision")]
    [InlineData("archived")]
    [InlineData("stale")]
    public async Task The_refused_stream_of_a_unit_of_work_is_the_one_named_and_no_stream_of_it_is_touched(string refusal)
    {
        var (fresh, bystander, refused) = (Guid.NewGuid(), await OpenLedgerAsync("bystander"), await OpenLedgerAsync("refused"));
        if (refusal == "archived")
        {
            await using var archiving = Store.LightweightSession();
            archiving.Events.ArchiveStream(refused);
            await archiving.SaveChangesAsync();
        }

        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(fresh, new NoteTaken("before the refusal"));
            session.Events.Append(bystander, 2, new AmountDeposited(1m));
            if (refusal == "collision")
                session.Events.StartStream(refused, new NoteTaken("again"));
            else
                session.Events.Append(refused, refusal == "stale" ? 5 : 2, new AmountDeposited(1m));
            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
            switch (thrown)
            {
                case ExistingStreamIdCollisionException collision when refusal == "collision":
                    Assert.Equal(refused, collision.Id);
                    break;
                case InvalidStreamOperationException archived when refusal == "archived":
                    Assert.Contains(refused.ToString(), archived.Message, StringComparison.Ordinal);
                    break;
                case EventStreamUnexpectedMaxEventIdException stale when refusal == "stale":
                    Assert.Equal(refused, stale.StreamId);
                    break;
                default:
                    Assert.Fail($"{refusal} was answered with {thrown.GetType().Name}: {thrown.Message}");
                    break;
            }
        }

        await using var query = Store.QuerySession();
        Assert.Null(await query.Events.FetchStreamStateAsync(fresh));
        Assert.Equal(1, (await query.Events.FetchStreamStateAsync(bystander))!.Version);
        Assert.Equal(1, (await query.Events.FetchStreamStateAsync(refused))!.Version);
    }

    [Fact]
    public async Task An_archived_stream_takes_no_more_events()
    {
        var id = await OpenLedgerAsync("archived");
        await using (var session = Store.LightweightSession())
        {
            session.Events.ArchiveStream(id);
            await session.SaveChangesAsync();
        }

        await using var late = Store.LightweightSession();
        late.Events.Append(id, new AmountDeposited(1m));

        await Assert.ThrowsAsync<InvalidStreamOperationException>(() => late.SaveChangesAsync());
        await using var query = Store.QuerySession();
        Assert.True((await query.Events.FetchStreamStateAsync(id))!.IsArchived);
        Assert.All(await query.Events.FetchStreamAsync(id), e => Assert.True(e.IsArchived));
    }

    [Fact]
    public async Task An_aggregate_can_be_read_as_it_was_at_an_earlier_version_or_time()
    {
        var id = await OpenLedgerAsync("historian", new AmountDeposited(10m));
        await Task.Delay(20);
        await using (var session = Store.LightweightSession())
        {
            session.Events.Append(id, new AmountDeposited(5m));
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(id);
        var atVersion2 = await query.Events.AggregateStreamAsync<Ledger>(id, version: 2);
        var atFirstCommit = await query.Events.AggregateStreamAsync<Ledger>(id, timestamp: events[1].Timestamp);
        var now = await query.Events.AggregateStreamAsync<Ledger>(id);

        Assert.Equal(10m, atVersion2!.Balance);
        Assert.Equal(10m, atFirstCommit!.Balance);
        Assert.Equal(15m, now!.Balance);
    }

    [Fact]
    public async Task Correlation_causation_and_headers_are_stored_with_every_event()
    {
        var id = Guid.NewGuid();
        await using (var session = Store.LightweightSession())
        {
            session.CorrelationId = "correlation-1";
            session.CausationId = "causation-1";
            session.SetHeader("actor", "staff-7");
            session.SetHeader("attempt", 2);
            session.Events.StartStream<Ledger>(id, new LedgerOpened(id, "meta"), new AmountDeposited(1m));
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(id);

        Assert.All(events, e =>
        {
            Assert.Equal("correlation-1", e.CorrelationId);
            Assert.Equal("causation-1", e.CausationId);
            Assert.Equal("staff-7", ((JsonElement)e.Headers!["actor"]).GetString());
            Assert.Equal(2, ((JsonElement)e.Headers!["attempt"]).GetInt32());
        });
    }

    [Fact]
    public async Task An_event_type_kept_to_the_hour_stores_no_finer_time_and_neither_does_its_stream()
    {
        var id = Guid.NewGuid();
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(id, new TipReceived("web"));
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var tip = (await query.Events.FetchStreamAsync(id)).Single();
        var stream = await query.Events.FetchStreamStateAsync(id);

        foreach (var time in new[] { tip.Timestamp, stream!.Created, stream.LastTimestamp })
            Assert.Equal(0, time.UtcTicks % TimeSpan.TicksPerHour);
        Assert.True(DateTimeOffset.UtcNow - tip.Timestamp < TimeSpan.FromHours(1));
    }

    /// <summary>A stream whose second and fourth events are of a type that <see cref="LedgerOnlyStoreAsync"/> does not know.</summary>
    private Task<Guid> LedgerWithNotesAsync() =>
        OpenLedgerAsync("noted", new NoteTaken("called the bank"), new AmountDeposited(5m), new NoteTaken("bank confirmed"));

    /// <summary>Another host on the same database that registers the ledger's events only, as an Intake-only host registers Intake's.</summary>
    private async Task<IDocumentStore> LedgerOnlyStoreAsync()
    {
        var services = await Fixture.StartAsync(options =>
        {
            options.Events.AddEventType<LedgerOpened>();
            options.Events.AddEventType<AmountDeposited>();
        });
        return (IDocumentStore)services.GetService(typeof(IDocumentStore))!;
    }

    [Fact]
    public async Task Events_of_a_type_the_reading_host_does_not_know_are_skipped_and_the_others_keep_their_versions()
    {
        var id = await LedgerWithNotesAsync();
        var store = await LedgerOnlyStoreAsync();

        await using var query = store.QuerySession();
        var events = await query.Events.FetchStreamAsync(id);
        var ledger = await query.Events.AggregateStreamAsync<Ledger>(id);

        Assert.Equal([typeof(LedgerOpened), typeof(AmountDeposited)], events.Select(e => e.EventType));
        Assert.Equal([1L, 3L], events.Select(e => e.Version));
        Assert.Equal(new Ledger(id, "noted", 5m, 1, false), ledger);
    }

    [Fact]
    public async Task Fetching_for_writing_over_unknown_events_expects_the_true_version_of_the_stream()
    {
        var id = await LedgerWithNotesAsync();
        var store = await LedgerOnlyStoreAsync();

        await using (var session = store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<Ledger>(id);
            Assert.Equal(4, stream.StartingVersion);
            Assert.Equal(5m, stream.Aggregate!.Balance);
            stream.AppendOne(new AmountDeposited(1m));
            await session.SaveChangesAsync();
        }
        await using var stale = store.LightweightSession();
        var staleStream = await stale.Events.FetchForWriting<Ledger>(id);
        await using (var other = Store.LightweightSession())
        {
            other.Events.Append(id, new NoteTaken("a note the ledger-only host cannot read"));
            await other.SaveChangesAsync();
        }
        staleStream.AppendOne(new AmountDeposited(2m));

        await Assert.ThrowsAsync<EventStreamUnexpectedMaxEventIdException>(() => stale.SaveChangesAsync());
        await using var query = Store.QuerySession();
        Assert.Equal(6, (await query.Events.FetchStreamStateAsync(id))!.Version);
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], (await query.Events.FetchStreamAsync(id)).Select(e => e.Version));
    }

    [Fact]
    public async Task An_inline_projection_commits_with_the_append_or_not_at_all()
    {
        var id = await OpenLedgerAsync("inline", new AmountDeposited(7m));
        await using (var loser = Store.LightweightSession())
        {
            loser.Events.Append(id, 1, new AmountDeposited(100m));
            await Assert.ThrowsAsync<EventStreamUnexpectedMaxEventIdException>(() => loser.SaveChangesAsync());
        }

        await using var query = Store.QuerySession();
        var summary = await query.LoadAsync<LedgerSummary>(id);
        var events = await query.Events.FetchStreamAsync(id);

        Assert.Equal(new LedgerSummary(id, "inline", 7m, events[^1].Sequence, 2), summary);
    }

    [Fact]
    public async Task Documents_are_stored_loaded_queried_by_an_indexed_field_in_pages_and_deleted()
    {
        var officers = Enumerable.Range(1, 7).Select(i => new Officer(Guid.NewGuid(), $"officer {i}", i % 2 == 0 ? "second" : "first", i)).ToList();
        await using (var session = Store.LightweightSession())
        {
            foreach (var officer in officers)
                session.Store(officer);
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        Assert.Equal(officers[0], await query.LoadAsync<Officer>(officers[0].Id));
        var unit = "first";
        var page = await query.Query<Officer>().Where(o => o.Unit == unit).OrderByDescending(o => o.Rank).ToPagedListAsync(2, 3);
        Assert.Equal(4, page.TotalItemCount);
        Assert.Equal([1], page.Items.Select(o => o.Rank));
        Assert.Equal(1L, await Fixture.ScalarAsync<long>("SELECT count(*) FROM pg_indexes WHERE schemaname = 'es' AND indexdef LIKE '%mt_doc_officer%unit%'"));

        await using (var session = Store.LightweightSession())
        {
            session.Delete<Officer>(officers[0].Id);
            await session.SaveChangesAsync();
        }
        Assert.Null(await query.LoadAsync<Officer>(officers[0].Id));
    }

    [Fact]
    public async Task A_documents_last_modified_time_keeps_the_hour_only()
    {
        var officer = new Officer(Guid.NewGuid(), "officer", "timekeeping", 1);
        await using (var session = Store.LightweightSession())
        {
            session.Store(officer);
            await session.SaveChangesAsync();
        }

        Assert.Equal(0L, await Fixture.ScalarAsync<long>(
            $"SELECT count(*) FROM es.mt_doc_officer WHERE id = '{officer.Id}' AND mt_last_modified <> date_trunc('hour', mt_last_modified)"));
        Assert.Equal(1L, await Fixture.ScalarAsync<long>($"SELECT count(*) FROM es.mt_doc_officer WHERE id = '{officer.Id}'"));
    }

    [Fact]
    public async Task A_projected_document_can_be_aggregated_live_with_the_projections_own_methods()
    {
        var id = await OpenLedgerAsync("live", new AmountDeposited(4m), new AmountWithdrawn(1m));

        await using var query = Store.QuerySession();
        var live = await query.Events.AggregateStreamAsync<LedgerSummary>(id);
        var asOfVersion2 = await query.Events.AggregateStreamAsync<LedgerSummary>(id, version: 2);

        Assert.Equal(await query.LoadAsync<LedgerSummary>(id), live);
        Assert.Equal(4m, asOfVersion2!.Balance);
    }

    [Fact]
    public async Task An_event_projection_writes_one_document_per_event_in_the_same_transaction()
    {
        var id = Guid.NewGuid();
        await using (var session = Store.LightweightSession())
        {
            session.Events.StartStream(id, new TipReceived("post"), new TipReceived("phone"));
            await session.SaveChangesAsync();
        }

        await using var query = Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(id);
        var tips = await Task.WhenAll(events.Select(e => query.LoadAsync<TipRecord>(e.Id)));

        Assert.Equal(["post", "phone"], tips.Select(t => t!.Channel));
    }
}

public sealed class PostgresEventStoreContract(EventStoreFixture fixture) : EventStoreContract(fixture), IClassFixture<EventStoreFixture>;
