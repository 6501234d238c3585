namespace Reporting.EventStore.Tests.Contract;

/// <param name="Members">An array field: queried with Contains, served by a GIN index.</param>
/// <param name="Due">Compared with &lt; and its kin as ISO text.</param>
public sealed record Assignment(Guid Id, string Desk, string[] Members, DateOnly? Due, int Priority, DateTimeOffset OpenedAt);

/// <summary>A store whose documents are queried by array membership, by comparisons and in index order.</summary>
public sealed class DocumentQueryFixture : EventStoreFixture
{
    public override void Configure(StoreOptions options)
    {
        base.Configure(options);
        // Due stays in the document (queried through data ->>); the others are duplicated into columns of their own.
        options.Schema.For<Assignment>()
            .Index(assignment => assignment.Due)
            .Duplicate(assignment => assignment.Desk)
            .Duplicate(assignment => assignment.Members)
            .Duplicate(assignment => assignment.Priority)
            .Duplicate(assignment => assignment.OpenedAt)
            .CompositeIndex(assignment => assignment.Desk, assignment => assignment.OpenedAt);
    }
}

public abstract class DocumentQueryContract(DocumentQueryFixture fixture)
{
    private IDocumentStore Store => fixture.Store;

    private static readonly DateTimeOffset Start = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private async Task<List<Assignment>> StoreAsync(string desk)
    {
        var assignments = new List<Assignment>
        {
            new(Guid.NewGuid(), desk, ["li", "wang"], new DateOnly(2026, 10, 8), 3, Start),
            new(Guid.NewGuid(), desk, ["wang"], new DateOnly(2026, 9, 30), 12, Start.AddHours(1)),
            new(Guid.NewGuid(), desk, [], null, 1, Start.AddHours(2)),
            new(Guid.NewGuid(), desk, ["zhao"], new DateOnly(2026, 10, 9), 2, Start.AddHours(3)),
        };
        await using var session = Store.LightweightSession();
        foreach (var assignment in assignments)
            session.Store(assignment);
        await session.SaveChangesAsync();
        return assignments;
    }

    [Fact]
    public async Task An_array_field_is_queried_by_membership_and_by_its_absence()
    {
        var stored = await StoreAsync("membership");
        await using var query = Store.QuerySession();
        var member = "wang";

        var with = await query.Query<Assignment>().Where(a => a.Desk == "membership" && a.Members.Contains(member)).OrderBy(a => a.OpenedAt).ToListAsync();
        var without = await query.Query<Assignment>().Where(a => a.Desk == "membership" && !a.Members.Contains(member)).OrderBy(a => a.OpenedAt).ToListAsync();

        Assert.Equal([stored[0].Id, stored[1].Id], with.Select(a => a.Id));
        Assert.Equal([stored[2].Id, stored[3].Id], without.Select(a => a.Id));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = 'es' AND indexdef LIKE '%mt_doc_assignment%gin%d_members%'"));
    }

    [Fact]
    public async Task Dates_compare_in_calendar_order_and_a_missing_date_matches_no_comparison()
    {
        var stored = await StoreAsync("dates");
        await using var query = Store.QuerySession();
        var day = new DateOnly(2026, 10, 8);

        var before = await query.Query<Assignment>().Where(a => a.Desk == "dates" && a.Due < day).ToListAsync();
        var onOrAfter = await query.Query<Assignment>().Where(a => a.Desk == "dates" && day <= a.Due).OrderBy(a => a.OpenedAt).ToListAsync();

        Assert.Equal([stored[1].Id], before.Select(a => a.Id));
        Assert.Equal([stored[0].Id, stored[3].Id], onOrAfter.Select(a => a.Id));
    }

    [Fact]
    public async Task Numbers_compare_as_numbers_not_as_text()
    {
        var stored = await StoreAsync("numbers");
        await using var query = Store.QuerySession();

        var urgent = await query.Query<Assignment>().Where(a => a.Desk == "numbers" && a.Priority > 2).OrderBy(a => a.OpenedAt).ToListAsync();

        Assert.Equal([stored[0].Id, stored[1].Id], urgent.Select(a => a.Id));
    }

    [Fact]
    public async Task A_newest_first_page_comes_in_order_with_the_total()
    {
        var stored = await StoreAsync("paging");
        await using var query = Store.QuerySession();

        var page = await query.Query<Assignment>().Where(a => a.Desk == "paging").OrderByDescending(a => a.OpenedAt).ToPagedListAsync(1, 3);

        Assert.Equal(4, page.TotalItemCount);
        Assert.Equal([stored[3].Id, stored[2].Id, stored[1].Id], page.Items.Select(a => a.Id));
    }

    [Fact]
    public async Task A_duplicated_field_is_a_column_PostgreSQL_fills_from_the_document_on_every_write()
    {
        var stored = await StoreAsync("duplicated");
        await using (var session = Store.LightweightSession())
        {
            session.Store(stored[0] with { Priority = 40 });
            await session.SaveChangesAsync();
        }

        Assert.Equal(40L, await fixture.ScalarAsync<long>($"SELECT d_priority::bigint FROM es.mt_doc_assignment WHERE id = '{stored[0].Id}'"));
        Assert.Equal("duplicated", await fixture.ScalarAsync<string>($"SELECT d_desk FROM es.mt_doc_assignment WHERE id = '{stored[0].Id}'"));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = 'es' AND indexdef LIKE '%mt_doc_assignment%(d_desk, d_openedat)%'"));
    }
}

public sealed class PostgresDocumentQueryContract(DocumentQueryFixture fixture) : DocumentQueryContract(fixture), IClassFixture<DocumentQueryFixture>;
