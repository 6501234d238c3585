using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reporting.Storage.Roles;
using Reporting.Storage.Hosting;
using Reporting.Testing;

namespace Reporting.Host.Tests;

/// <summary>
/// <c>reporting db roles</c> on a database holding a case, a published notice and an unpublished draft: each role,
/// logged in with the password the command drew, reaches what its module needs and is refused everything else, by
/// PostgreSQL itself (a privilege error, or rows its policies hide).
/// </summary>
public sealed class DatabaseRolesTests(DatabaseRolesTests.Data data) : IClassFixture<DatabaseRolesTests.Data>
{
    private const string InsufficientPrivilege = "42501";

    public sealed class Data : DisclosureHost
    {
        public Guid CaseId { get; private set; }
        public Guid PublishedNotice { get; private set; }
        public Guid DraftNotice { get; private set; }
        public Guid OtherCase { get; private set; }
        public IReadOnlyList<string> Roles { get; private set; } = [];
        public string Passwords { get; } = TestCluster.NewFolder();

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            (PublishedNotice, CaseId) = await PublishedSanctionAsync();
            var (_, draftCase) = await this.ClosedDecidedCaseAsync();
            DraftNotice = await DraftAsync(SanctionDraft(draftCase, headline: "尚未发布的通报"));
            (_, OtherCase) = await NewCaseAsync();
            // Roles belong to the cluster, which the test classes share: a prefix of this database's own.
            Roles = await Services.GetRequiredService<DatabaseRoles>().ApplyAsync(Name, new DirectoryInfo(Passwords), CancellationToken.None);
        }

        public async Task<NpgsqlConnection> LoginAsync(string role)
        {
            var password = await File.ReadAllTextAsync(Path.Combine(Passwords, role + ".password"));
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString)
            {
                Username = role, Password = password, SearchPath = "reporting", Pooling = false,
            }.ConnectionString);
            await connection.OpenAsync();
            return connection;
        }
    }

    private string Intake => data.Roles[0];
    private string Cases => data.Roles[1];
    private string Disclosure => data.Roles[2];

    [Fact]
    public async Task Intake_sees_only_the_streams_it_names_and_nothing_of_the_workflow()
    {
        await using var intake = await data.LoginAsync(Intake);

        Assert.Equal(0L, await ScalarAsync<long>(intake, "SELECT count(*) FROM mt_events"));
        Assert.Equal(0L, await ScalarAsync<long>(intake, "SELECT count(*) FROM mt_streams"));
        Assert.Equal(0L, await ScalarAsync<long>(intake, "SELECT count(*) FROM stream_keys"));
        await using (var named = await intake.BeginTransactionAsync())
        {
            await ExecuteAsync(intake, $"SELECT set_config('reporting.streams', '{data.OtherCase}', true)");
            Assert.True(await ScalarAsync<long>(intake, "SELECT count(*) FROM mt_events") > 0);
            Assert.Equal(await ScalarAsync<long>(intake, "SELECT count(*) FROM mt_events"),
                await ScalarAsync<long>(intake, $"SELECT count(*) FROM mt_events WHERE stream_id = '{data.OtherCase}'"));
            Assert.Equal(1L, await ScalarAsync<long>(intake, "SELECT count(*) FROM mt_streams"));
            Assert.Equal(0L, await ScalarAsync<long>(intake, $"SELECT count(*) FROM mt_events WHERE stream_id = '{data.CaseId}'"));
        }

        foreach (var sql in new[]
                 {
                     "SELECT count(*) FROM mt_doc_caselistitem", "SELECT count(*) FROM mt_doc_staffaccount", "SELECT count(*) FROM mt_doc_auditentry",
                     "SELECT count(*) FROM mt_doc_noticesummary", "SELECT count(*) FROM integrity_checkpoints", "SELECT count(*) FROM mt_doc_staffsession",
                     "UPDATE mt_events SET data = '{}'", "DELETE FROM mt_events", "DELETE FROM mt_streams", "UPDATE stream_keys SET data_key = NULL",
                     "CREATE TABLE reporting.intruder (id int)", "DROP TABLE mt_doc_spentfloodtoken",
                 })
            await RefusedAsync(intake, sql);
        // Its own table it may read (a refusal would throw); appending to named streams is what SplitDeploymentTests does.
        await ExecuteAsync(intake, "SELECT 1 FROM mt_doc_spentfloodtoken LIMIT 1");
    }

    [Fact]
    public async Task Disclosure_reads_published_versions_and_the_log_and_nothing_of_cases_or_drafts()
    {
        await using var disclosure = await data.LoginAsync(Disclosure);

        var types = await ListAsync(disclosure, "SELECT DISTINCT type FROM mt_events ORDER BY type");
        Assert.Equal(["notice_log_entry_appended", "notice_version_published"], types);
        Assert.Equal(0L, await ScalarAsync<long>(disclosure, $"SELECT count(*) FROM mt_events WHERE stream_id IN ('{data.CaseId}', '{data.OtherCase}', '{data.DraftNotice}')"));
        Assert.Equal([data.PublishedNotice.ToString()], await ListAsync(disclosure, "SELECT id::text FROM mt_doc_noticesummary"));
        Assert.True(await ScalarAsync<long>(disclosure, "SELECT count(*) FROM mt_doc_signedcheckpoint") > 0);
        Assert.Equal(0L, await ScalarAsync<long>(disclosure, "SELECT count(*) FROM mt_streams"));
        Assert.Equal(0L, await ScalarAsync<long>(disclosure, "SELECT count(*) FROM mt_doc_deadletterevent"));

        foreach (var sql in new[]
                 {
                     "SELECT count(*) FROM stream_keys", "SELECT count(*) FROM mt_doc_caselistitem",
                     "SELECT count(*) FROM mt_doc_staffaccount", "SELECT count(*) FROM mt_doc_auditentry", "SELECT count(*) FROM mt_doc_spentfloodtoken",
                     "INSERT INTO mt_doc_signedcheckpoint (id, data) VALUES (999999, '{}')", "UPDATE mt_doc_noticesummary SET data = '{}'",
                     "DELETE FROM mt_doc_noticesummary", "CREATE TABLE reporting.intruder (id int)",
                 })
            await RefusedAsync(disclosure, sql);
    }

    [Fact]
    public async Task Cases_works_every_case_but_never_rewrites_history_touches_intake_tokens_or_changes_the_schema()
    {
        await using var cases = await data.LoginAsync(Cases);

        Assert.True(await ScalarAsync<long>(cases, $"SELECT count(*) FROM mt_events WHERE stream_id = '{data.CaseId}'") > 0);
        Assert.True(await ScalarAsync<long>(cases, "SELECT count(*) FROM mt_doc_caselistitem") >= 3);
        Assert.Equal(2L, await ScalarAsync<long>(cases, "SELECT count(*) FROM mt_doc_noticesummary"));

        foreach (var sql in new[]
                 {
                     "UPDATE mt_events SET data = '{}'", "DELETE FROM mt_events", "DELETE FROM stream_keys", "UPDATE integrity_checkpoints SET signature = signature",
                     "DELETE FROM integrity_checkpoints", "SELECT count(*) FROM mt_doc_spentfloodtoken", "DELETE FROM schema_migrations",
                     "CREATE TABLE reporting.intruder (id int)", "DROP TABLE mt_doc_caselistitem", "ALTER TABLE mt_events DISABLE ROW LEVEL SECURITY",
                 })
            await RefusedAsync(cases, sql);
    }

    [Fact]
    public async Task Running_the_command_again_keeps_every_grant_and_password()
    {
        var again = await data.Services.GetRequiredService<DatabaseRoles>().ApplyAsync(data.Name, new DirectoryInfo(data.Passwords), CancellationToken.None);

        Assert.Equal(data.Roles, again);
        await using var disclosure = await data.LoginAsync(Disclosure);
        Assert.Equal([data.PublishedNotice.ToString()], await ListAsync(disclosure, "SELECT id::text FROM mt_doc_noticesummary"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data.Passwords, Disclosure + ".password")));
    }

    private static async Task RefusedAsync(NpgsqlConnection connection, string sql)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, sql));
        Assert.True(refused.SqlState == InsufficientPrivilege, $"{connection.UserName}: {sql} failed with {refused.SqlState} {refused.MessageText}, not a privilege error");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }
}
