using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Storage.Shredding;

namespace Reporting.Storage.Tests;

public sealed class ShreddingTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private async Task<Guid> NameWitnessAsync(string name)
    {
        var id = Guid.NewGuid();
        await using var session = fixture.Store.LightweightSession();
        session.Events.StartStream(id, new WitnessNamed(name, "hotline"));
        await session.SaveChangesAsync();
        return id;
    }

    private async Task ShredAsync(Guid id)
    {
        await using var session = fixture.Store.LightweightSession();
        await fixture.Services.GetRequiredService<StreamShredder>().ShredAsync(session, id);
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task A_shreddable_field_is_stored_encrypted_under_its_streams_key_and_reads_back_in_clear()
    {
        var id = await NameWitnessAsync("张伟");

        await using var query = fixture.Store.QuerySession();
        var named = (WitnessNamed)(await query.Events.FetchStreamAsync(id)).Single().Data;

        Assert.Equal(("张伟", false, "hotline"), (named.Name.Value, named.Name.IsShredded, named.Channel));
        var stored = await fixture.ScalarAsync<string>($"SELECT data::text FROM store.mt_events WHERE stream_id = '{id}'");
        Assert.DoesNotContain("张伟", stored, StringComparison.Ordinal);
        Assert.Contains("\"sealed\"", stored, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), stored, StringComparison.Ordinal);
        Assert.True(await fixture.ScalarAsync<bool>($"SELECT data_key IS NOT NULL FROM store.stream_keys WHERE stream = '{id}'"));
    }

    [Fact]
    public async Task After_shredding_the_field_reads_as_shredded_the_rest_survives_and_the_chain_still_verifies()
    {
        var id = await NameWitnessAsync("李娜");
        var before = await fixture.ScalarAsync<string>($"SELECT data::text FROM store.mt_events WHERE stream_id = '{id}' AND version = 1");

        await ShredAsync(id);

        await using var query = fixture.Store.QuerySession();
        var events = await query.Events.FetchStreamAsync(id);
        var named = (WitnessNamed)events[0].Data;
        Assert.True(named.Name.IsShredded);
        Assert.Null(named.Name.Value);
        Assert.Equal("[shredded]", named.Name.ToString());
        Assert.Equal("hotline", named.Channel);
        Assert.IsType<StreamShredded>(events[1].Data);
        Assert.Equal(before, await fixture.ScalarAsync<string>($"SELECT data::text FROM store.mt_events WHERE stream_id = '{id}' AND version = 1"));
        Assert.True(await fixture.ScalarAsync<bool>($"SELECT data_key IS NULL AND shredded_at IS NOT NULL FROM store.stream_keys WHERE stream = '{id}'"));
        var report = await fixture.Integrity.VerifyAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Findings));
    }

    [Fact]
    public async Task Projections_keep_working_over_a_shredded_stream_inline_and_in_a_rebuild()
    {
        var id = await NameWitnessAsync("王芳");
        await ShredAsync(id);

        await using (var session = fixture.Store.LightweightSession())
        {
            var stream = await session.Events.FetchForWriting<WitnessCount>(id);
            Assert.Equal(1, stream.Aggregate!.Statements);
            stream.AppendOne(new AmountDeposited(1m));
            await session.SaveChangesAsync();
        }
        using var daemon = await fixture.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<WitnessCount>(TimeSpan.FromSeconds(30), CancellationToken.None);

        await using var query = fixture.Store.QuerySession();
        Assert.Equal(new WitnessCount(id, 1, "hotline"), await query.LoadAsync<WitnessCount>(id));
    }

    [Fact]
    public async Task No_personal_data_can_be_added_to_a_shredded_stream()
    {
        var id = await NameWitnessAsync("赵敏");
        await ShredAsync(id);

        await using var session = fixture.Store.LightweightSession();
        await session.Events.AppendExclusive(id, new WitnessNamed("赵敏", "letter"));

        await Assert.ThrowsAsync<InvalidStreamOperationException>(() => session.SaveChangesAsync());
        Assert.Equal(2L, await fixture.ScalarAsync<long>($"SELECT count(*) FROM store.mt_events WHERE stream_id = '{id}'"));
    }

    [Fact]
    public async Task A_shreddable_value_cannot_be_stored_in_a_document()
    {
        await using var session = fixture.Store.LightweightSession();
        session.Store(new WitnessNote(Guid.NewGuid(), "钱七"));

        await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
    }

    public sealed record WitnessNote(Guid Id, Shreddable<string> Name);
}
