using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Npgsql;
using Reporting.Storage.Hosting;
using Reporting.Testing;
using Xunit.Abstractions;

namespace Reporting.Host.Tests;

/// <summary>
/// Marten's async daemon in hot/cold mode on two real host processes sharing one database: one leads; killed with
/// SIGKILL, the other takes the lead and projects what arrives after. The takeover time is printed.
/// </summary>
public sealed class DaemonFailoverTests(ITestOutputHelper output) : PostgresDatabase
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task When_the_leading_host_is_killed_the_other_takes_over_and_projects_new_events()
    {
        var keys = Path.Combine(TestCluster.NewFolder(), "office-keys.json");
        await using var first = await HostProcess.ServeAsync(ConnectionString, "failover-first", keys);
        await using var second = await HostProcess.ServeAsync(ConnectionString, "failover-second", keys);

        await SubmitAsync(first.BaseAddress);
        Assert.True(await WaitForAsync(async () => await LeaderAsync() is not null && await StatisticsCaughtUpAsync()),
            $"Neither host led and projected: {await StateAsync()}");
        var (leader, other, otherName) = await LeaderAsync() is "failover-first" ? (first, second, "failover-second") : (second, first, "failover-first");

        var killed = Stopwatch.StartNew();
        leader.Kill();
        await SubmitAsync(other.BaseAddress);
        Assert.True(await WaitForAsync(async () => await LeaderAsync() == otherName), $"The surviving host never took the lead: {await StateAsync()}");
        var lead = killed.Elapsed;
        Assert.True(await WaitForAsync(StatisticsCaughtUpAsync), $"The surviving host led but did not project the new report: {await StateAsync()}");
        output.WriteLine($"leader killed → other host holds the lock after {lead.TotalSeconds:F1} s, has projected the new report after {killed.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Bound)
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>
    /// The application name of the session holding the statistics shard's daemon lock. Marten 9 elects a leader per
    /// shard: the lock id is derived from the schema, the shard's identity and our base <c>DaemonLockId</c>, and taken as
    /// a bigint advisory lock (classid the high half, objid the low half, objsubid 1).
    /// </summary>
    private async Task<string?> LeaderAsync()
    {
        long key = ProjectionLockIds.Compute("reporting", new ShardName("CaseStatistics"), new DatabaseOptions(ConnectionString).DaemonLockId);
        return await ScalarAsync<string>($"""
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid = {(key >> 32) & 0xFFFFFFFF} AND l.objid = {key & 0xFFFFFFFF} AND l.objsubid = 1
            """);
    }

    private async Task<string?> StateAsync() => await ScalarAsync<string>("""
        SELECT (SELECT string_agg(a.application_name || ':' || l.classid || '/' || l.objid || '/' || l.objsubid, ' ')
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory')
            || ' | ' || coalesce((SELECT string_agg(name || '=' || last_seq_id, ' ') FROM reporting.mt_event_progression), 'no progression')
            || ' | head ' || coalesce((SELECT max(seq_id)::text FROM reporting.mt_events), 'none')
        """);

    private async Task<bool> StatisticsCaughtUpAsync() => await ScalarAsync<bool?>("""
        SELECT p.last_seq_id >= (SELECT max(seq_id) FROM reporting.mt_events)
        FROM reporting.mt_event_progression p WHERE p.name ILIKE '%statistic%'
        """) == true;

    private async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    private static async Task SubmitAsync(Uri host)
    {
        using var client = new HttpClient { BaseAddress = host };
        var body = new JsonObject
        {
            ["report"] = new JsonObject
            {
                ["accused"] = new JsonArray(new JsonObject { ["name"] = "张三", ["position"] = "局长", ["organization"] = "某市交通运输局" }),
                ["categories"] = new JsonArray("integrity"),
                ["title"] = "工程项目中收受回扣",
                ["details"] = "二〇二六年三月以来，在道路工程招标中多次收受中标企业回扣。",
                ["language"] = "zh-CN",
            },
        }.ToJsonString();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/intake/reports", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
