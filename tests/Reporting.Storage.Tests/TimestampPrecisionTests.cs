namespace Reporting.Storage.Tests;

/// <summary>What an informant causes is kept to the hour, in the event and in Marten's own stream row.</summary>
public sealed class TimestampPrecisionTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    [Fact]
    public async Task A_coarse_event_type_is_stored_to_the_hour_and_so_is_its_streams_row_while_others_keep_their_time()
    {
        var id = Guid.NewGuid();
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.StartStream(id, new TipReceived("web"), new LedgerOpened("同一时刻"));
            await session.SaveChangesAsync();
        }

        var tip = await fixture.ScalarAsync<DateTime>($"SELECT timestamp FROM store.mt_events WHERE stream_id = '{id}' AND version = 1");
        var office = await fixture.ScalarAsync<DateTime>($"SELECT timestamp FROM store.mt_events WHERE stream_id = '{id}' AND version = 2");
        var created = await fixture.ScalarAsync<DateTime>($"SELECT created FROM store.mt_streams WHERE id = '{id}'");
        var touched = await fixture.ScalarAsync<DateTime>($"SELECT timestamp FROM store.mt_streams WHERE id = '{id}'");

        Assert.Equal(TimeSpan.Zero, tip.TimeOfDay - TimeSpan.FromHours(tip.Hour));
        Assert.NotEqual(TimeSpan.Zero, office.TimeOfDay - TimeSpan.FromHours(office.Hour));
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (created.TimeOfDay - TimeSpan.FromHours(created.Hour), touched.TimeOfDay - TimeSpan.FromHours(touched.Hour)));
        var report = await fixture.Integrity.VerifyAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Findings));
    }
}
