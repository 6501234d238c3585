using Microsoft.Extensions.DependencyInjection;
using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Reporting.Storage.Verification;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Marten.Events.Aggregation;
using Reporting.Storage.Shredding;
using Reporting.Sodium.Cryptography;

namespace Reporting.EventStore.Tests.Contract;

public sealed record WitnessNamed(Shreddable<string> Name, string Channel);

public sealed record WitnessCount(Guid Id, int Statements, string LastChannel);

public sealed class WitnessCountProjection : SingleStreamProjection<WitnessCount, Guid>
{
    public WitnessCount Create(WitnessNamed named) => new(Guid.Empty, 1, named.Channel);

    public WitnessCount Apply(WitnessNamed named, WitnessCount current) => current with { Statements = current.Statements + 1, LastChannel = named.Channel };
}

/// <summary>A store with a key-encryption key and an inline projection over events that carry personal data.</summary>
public sealed class ShreddingFixture : EventStoreFixture
{
    private readonly Key _keyEncryptionKey = Key.Create(AeadAlgorithm.XChaCha20Poly1305);

    public override void Configure(StoreOptions options)
    {
        base.Configure(options);
        options.Shredding.KeyEncryptionKey = _keyEncryptionKey;
        options.Projections.Add(new WitnessCountProjection(), ProjectionLifecycle.Inline);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _keyEncryptionKey.Dispose();
    }
}

public abstract class ShreddingContract(ShreddingFixture fixture)
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
        session.Events.ShredStream(id);
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task A_shreddable_field_is_stored_encrypted_and_reads_back_in_clear()
    {
        var id = await NameWitnessAsync("张伟");

        await using var query = fixture.Store.QuerySession();
        var named = (WitnessNamed)(await query.Events.FetchStreamAsync(id)).Single().Data;

        Assert.Equal(("张伟", false, "hotline"), (named.Name.Value, named.Name.IsShredded, named.Channel));
        var stored = await fixture.ScalarAsync<string>($"SELECT data::text FROM es.mt_events WHERE stream_id = '{id}'");
        Assert.DoesNotContain("张伟", stored, StringComparison.Ordinal);
        Assert.Contains("\"sealed\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_shredding_the_field_reads_as_shredded_the_rest_survives_and_the_chain_still_verifies()
    {
        var id = await NameWitnessAsync("李娜");

        await ShredAsync(id);

        await using var query = fixture.Store.QuerySession();
        var named = (WitnessNamed)(await query.Events.FetchStreamAsync(id)).Single().Data;
        Assert.True(named.Name.IsShredded);
        Assert.Null(named.Name.Value);
        Assert.Equal("[shredded]", named.Name.ToString());
        Assert.Equal("hotline", named.Channel);
        Assert.True(await fixture.ScalarAsync<bool>($"SELECT data_key IS NULL AND shredded_at IS NOT NULL FROM es.mt_stream_keys WHERE stream = '{id}'"));
        var report = await fixture.Services.GetRequiredService<IEventStoreIntegrity>().VerifyAsync();
        Assert.True(report.IsIntact, string.Join("; ", report.Findings));
    }

    [Fact]
    public async Task Projections_keep_working_over_a_shredded_stream()
    {
        var id = await NameWitnessAsync("王芳");
        await ShredAsync(id);

        await using var session = fixture.Store.LightweightSession();
        var stream = await session.Events.FetchForWriting<WitnessCount>(id);
        session.Events.Append(id, new AmountDeposited(1m));
        await session.SaveChangesAsync();

        Assert.Equal(1, stream.Aggregate!.Statements);
        await using var query = fixture.Store.QuerySession();
        Assert.Equal(new WitnessCount(id, 1, "hotline"), await query.LoadAsync<WitnessCount>(id));
    }

    [Fact]
    public async Task No_personal_data_can_be_added_to_a_shredded_stream()
    {
        var id = await NameWitnessAsync("赵敏");
        await ShredAsync(id);

        await using var session = fixture.Store.LightweightSession();
        session.Events.Append(id, new WitnessNamed("赵敏", "letter"));

        await Assert.ThrowsAsync<InvalidStreamOperationException>(() => session.SaveChangesAsync());
    }
}

public sealed class PostgresShreddingContract(ShreddingFixture fixture) : ShreddingContract(fixture), IClassFixture<ShreddingFixture>;
