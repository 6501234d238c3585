using Reporting.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Registering;
using Marten;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>The views over many cases: search by accused name, the approvers' queue, the overdue dashboard, statistics.</summary>
public sealed class CaseViewsOverHttpTests(CaseHost host) : IClassFixture<CaseHost>
{
    private static readonly string[] Meeting = ["supervisor1", "supervisor2", "approver1"];

    private Task RegisterAsync(Guid caseId, string accused) => host.ActAsync("registrar1", caseId, "register", new
    {
        categories = new[] { "integrity" },
        accused = new[] { new { name = accused, position = "科长", organization = "某区某局" } },
        summary = "收受礼金",
        realName = false,
    });

    [Fact]
    public async Task An_accused_name_finds_its_cases_exactly_and_is_stored_only_as_a_blind_token()
    {
        var (_, caseId) = await host.NewCaseAsync();
        var name = $"欧阳{Random.Shared.Next(100_000, 999_999)}";
        await RegisterAsync(caseId, name);

        var spaced = await host.GetJsonAsync("supervisor1", $"/api/cases?q={Uri.EscapeDataString(string.Join(' ', name.ToCharArray()))}");
        var other = await host.GetJsonAsync("supervisor1", $"/api/cases?q={Uri.EscapeDataString(name + "1")}");

        Assert.Equal([caseId], spaced.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("caseId").GetGuid()));
        Assert.Equal(0, other.GetProperty("total").GetInt64());
        await using var connection = new NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM reporting.mt_doc_caselistitem WHERE data::text LIKE '%' || $1 || '%' OR data::text LIKE '%测试举报%'", connection)
        {
            Parameters = { new() { Value = name } },
        };
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Once_a_case_is_shredded_its_accused_name_no_longer_finds_it_and_its_list_state_holds_no_name()
    {
        var (_, caseId) = await host.NewCaseAsync();
        var name = $"司马{Random.Shared.Next(100_000, 999_999)}";
        await RegisterAsync(caseId, name);
        var search = $"/api/cases?q={Uri.EscapeDataString(name)}";
        Assert.Equal(1, (await host.GetJsonAsync("supervisor1", search)).GetProperty("total").GetInt64());

        await using (var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            await host.Services.GetRequiredService<Reporting.Storage.Shredding.StreamShredder>().ShredAsync(session, caseId);
            await session.SaveChangesAsync();
        }

        Assert.Equal(0, (await host.GetJsonAsync("supervisor1", search)).GetProperty("total").GetInt64());
        await using var query = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var item = await query.LoadAsync<Reporting.CaseManagement.Cases.Listing.CaseListItem>(caseId);
        var state = host.Services.GetRequiredService<Reporting.CaseManagement.Cases.Listing.SealedCaseState>().Open(caseId, item!.SealedState);
        Assert.Empty(state.RegisteredAccused);
        Assert.Empty(item.SearchTokens);
    }

    [Fact]
    public async Task A_proposal_waits_in_the_queue_of_approvers_other_than_its_maker()
    {
        var (_, caseId) = await host.NewCaseAsync();
        await RegisterAsync(caseId, "赵六");
        await host.ActAsync("registrar1", caseId, "accept");
        await host.ActAsync("supervisor1", caseId, "propose-disposition", new { method = "talk-inquiry", reason = "线索具体", collectiveReview = Meeting });

        var queue = await host.GetJsonAsync("approver1", "/api/cases/approvals");
        var entry = queue.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("caseId").GetGuid() == caseId);

        Assert.Equal("talk-inquiry", entry.GetProperty("proposalKind").GetString());
        Assert.Equal("supervisor1", entry.GetProperty("proposedBy").GetString());
        Assert.StartsWith("测试举报", entry.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Get, "/api/cases/approvals", "supervisor1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Get, "/api/cases/approvals", null)).StatusCode);
    }

    [Fact]
    public async Task A_case_past_its_deadline_is_flagged_in_the_list_and_counted_on_the_dashboard()
    {
        // A real-name report received two months ago and registered then: its acceptance notice is long overdue.
        var caseId = Guid.NewGuid();
        var receivedAt = DateTimeOffset.UtcNow.AddMonths(-2);
        var envelope = new SealedEnvelope("none", [0], new Dictionary<string, byte[]>());
        var submitted = new ReportSubmitted(caseId, $"lookup-{caseId:N}", new byte[32], envelope, envelope, "zh-CN", receivedAt);
        var registered = CaseActions.Decide(CaseState.Create(submitted),
            new RegisterCase(["work"], [new AccusedPerson("钱七", null, "某镇", null, null)], "不作为", RealName: true),
            new Actor("registrar1", "registrar"), receivedAt.AddDays(1), Reporting.CaseManagement.Cases.Deadlines.WorkingCalendar.Embedded);
        await using (var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream(caseId, [submitted, .. registered]);
            await session.SaveChangesAsync();
        }

        var overdue = await host.GetJsonAsync("supervisor1", "/api/cases?overdue=true&stage=registered&pageSize=100");
        var dashboard = await host.GetJsonAsync("supervisor1", "/api/cases/overdue");

        var entry = overdue.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("caseId").GetGuid() == caseId);
        Assert.True(entry.GetProperty("overdue").GetBoolean());
        Assert.True(dashboard.GetProperty("total").GetInt64() >= 1);
        Assert.True(dashboard.GetProperty("byStage").GetProperty("registered").GetInt64() >= 1);
        Assert.True(dashboard.GetProperty("unassigned").GetInt64() >= 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.SendAsync(HttpMethod.Get, "/api/cases/overdue", "registrar1")).StatusCode);

        var scheduler = host.Services.GetRequiredService<Reporting.CaseManagement.Cases.Deadlines.ReminderScheduler>();
        Assert.True(await scheduler.RemindAsync(default) >= 1);
        await scheduler.RemindAsync(default);
        var history = (await host.GetJsonAsync("supervisor1", $"/api/cases/{caseId}")).GetProperty("history").EnumerateArray()
            .Select(entry => entry.GetProperty("event").GetString()).ToList();
        Assert.Equal(1, history.Count(name => name == "deadline_reminder_sent"));
    }

    [Fact]
    public async Task Statistics_count_what_happened_in_the_month_once_the_daemon_has_caught_up()
    {
        var (_, caseId) = await host.NewCaseAsync();
        await RegisterAsync(caseId, "孙八");
        var month = Reporting.CaseManagement.Cases.Statistics.CaseStatisticsProjection.Month(DateTimeOffset.UtcNow);

        JsonElement counts = default;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            counts = (await host.GetJsonAsync("auditor1", $"/api/cases/statistics?period={month}")).GetProperty("counts");
            if (counts.TryGetProperty("registered", out var registered) && registered.GetInt32() >= 1)
                break;
            await Task.Delay(100);
        }

        Assert.True(counts.GetProperty("received").GetInt32() >= 1);
        Assert.True(counts.GetProperty("registered").GetInt32() >= 1);
        Assert.True(counts.GetProperty("category:integrity").GetInt32() >= 1);
        var invalid = await host.SendAsync(HttpMethod.Get, "/api/cases/statistics?period=2026-13", "auditor1");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var quarter = await host.GetJsonAsync("auditor1", "/api/cases/statistics?period=2026-Q4");
        Assert.Equal(["2026-10", "2026-11", "2026-12"], quarter.GetProperty("months").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Reading_a_case_is_on_the_audit_trail_without_its_content()
    {
        var (_, caseId) = await host.NewCaseAsync();
        await host.GetJsonAsync("registrar1", $"/api/cases/{caseId}");

        var response = await host.SendAsync(HttpMethod.Get, $"/api/audit?caseId={caseId}", "auditor1");
        var text = await response.Content.ReadAsStringAsync();

        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, item => item.GetProperty("action").GetString() == "case-read" && item.GetProperty("username").GetString() == "registrar1");
        Assert.DoesNotContain("测试举报", text);
        Assert.DoesNotContain("礼金", text);
    }

    [Fact]
    public async Task An_informants_late_file_appears_in_the_case_and_downloads_as_kept_for_those_who_may_read_it()
    {
        var (receipt, caseId) = await host.NewCaseAsync();
        var file = System.Text.Encoding.UTF8.GetBytes("转账记录：2026年1月15日 50000元");
        var form = new MultipartFormDataContent { { new StringContent(receipt), "receipt" }, { new ByteArrayContent(file), "file", "转账记录.txt" } };
        var uploaded = await host.Client.PostAsync(new Uri("/api/intake/attachments", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var attachmentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attachmentId").GetGuid();

        var listed = (await host.GetJsonAsync("registrar1", $"/api/cases/{caseId}")).GetProperty("attachments").EnumerateArray().Single();
        var download = await host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/attachments/{attachmentId}", "registrar1");
        var refused = await host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/attachments/{attachmentId}", "publisher1");
        var unknown = await host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/attachments/{Guid.NewGuid()}", "registrar1");

        Assert.Equal("转账记录.txt", listed.GetProperty("fileName").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(file, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var audit = await host.GetJsonAsync("auditor1", $"/api/audit?caseId={caseId}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), item =>
            item.GetProperty("action").GetString() == "attachment-download" && item.GetProperty("detail").GetString() == $"attachment {attachmentId}");
    }

    [Theory]
    [InlineData("overdue=false", "overdue")]
    [InlineData("assignedTo=someone", "assignedTo")]
    [InlineData("stage=lost", "stage")]
    [InlineData("pageSize=1000", "pageSize")]
    public async Task A_list_filter_the_contract_does_not_have_is_a_problem_naming_it(string filter, string field)
    {
        var response = await host.SendAsync(HttpMethod.Get, $"/api/cases?{filter}", "registrar1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
