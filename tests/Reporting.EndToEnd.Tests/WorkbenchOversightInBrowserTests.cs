using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Assigning;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Registering;
using Reporting.Intake.Contracts;
using Reporting.Testing;

namespace Reporting.EndToEnd.Tests;

/// <summary>The pages that watch the office: the overdue dashboard, the statistics' charts, the audit trail, and the administrator's accounts.</summary>
public sealed partial class WorkbenchInBrowserTests
{
    [Fact]
    public async Task The_overdue_dashboard_names_the_office_the_person_and_the_stage_and_the_statistics_draw_each_count_with_its_table()
    {
        var caseId = await OverdueCaseAssignedToAsync("investigator1");
        var other = await OverdueCaseAssignedToAsync("investigator2");
        await host.SubmitAsync(CaseFlowHost.Report());
        var page = await SignInAsync("supervisor1");

        await page.GetByRole(AriaRole.Link, new() { Name = "超期情况" }).ClickAsync();
        Assert.Equal("超期情况", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        var byPerson = page.GetByRole(AriaRole.Table, new() { Name = "按承办人统计的超期案件" });
        await Assertions.Expect(byPerson.GetByRole(AriaRole.Row, new() { Name = "investigator1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "按承办部门统计的超期案件" })).ToContainTextAsync("开发用纪委监委");
        // A stage's count leads to those very cases.
        await page.GetByRole(AriaRole.Table, new() { Name = "按办理阶段统计的超期案件" }).GetByRole(AriaRole.Link, new() { Name = "已登记" }).ClickAsync();
        Assert.Contains("stage=registered", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator($"a[href='/staff/cases/{caseId}']")).ToBeVisibleAsync();
        // The list orders by a link, keeping its filters: the two overdue cases, oldest first, then newest first.
        await page.GetByRole(AriaRole.Link, new() { Name = "最早收到在前" }).ClickAsync();
        Assert.Contains("sort=oldest", page.Url, StringComparison.Ordinal);
        Assert.Contains("overdue=true", page.Url, StringComparison.Ordinal);
        var oldestFirst = await page.Locator("tbody tr td:first-child a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(Array.IndexOf(oldestFirst, $"/staff/cases/{caseId}") < Array.IndexOf(oldestFirst, $"/staff/cases/{other}"), string.Join(" ", oldestFirst));
        await page.GetByRole(AriaRole.Link, new() { Name = "最新收到在前" }).ClickAsync();
        var newestFirst = await page.Locator("tbody tr td:first-child a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(Array.IndexOf(newestFirst, $"/staff/cases/{other}") < Array.IndexOf(newestFirst, $"/staff/cases/{caseId}"), string.Join(" ", newestFirst));
        await page.GotoAsync("/staff/dashboard");
        await CheckAsync(page, "dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "统计" }).ClickAsync();
        var thisYear = WorkingCalendar.DateInChina(DateTimeOffset.UtcNow).Year;
        Assert.Equal($"{thisYear} 年统计", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Equal(2, await page.Locator("svg[role=img]").CountAsync());
        // The chart's numbers are the table's: this month's reports received, drawn and tabled alike.
        var month = WorkingCalendar.DateInChina(DateTimeOffset.UtcNow).Month;
        var monthly = page.GetByRole(AriaRole.Table, new() { Name = $"数据表：{thisYear} 年各月办理情况" });
        var received = int.Parse(await monthly.Locator($"tbody tr:nth-child({month}) td").First.InnerTextAsync());
        // The counters are kept by the async daemon: the report just sent is counted within moments.
        for (var tries = 0; received == 0 && tries < 60; tries++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
            received = int.Parse(await monthly.Locator($"tbody tr:nth-child({month}) td").First.InnerTextAsync());
        }
        Assert.True(received >= 1, "this month's report was never counted");
        var bars = await page.Locator("#monthly-caption + svg rect title").AllTextContentsAsync();
        Assert.Contains($"收到举报 {month}月：{received}", bars);
        await CheckAsync(page, "statistics");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Statistics for {thisYear}");
        await CheckAsync(page, "statistics", "en");
        await page.GotoAsync("/staff/dashboard");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Overdue cases");
        await CheckAsync(page, "dashboard", "en");
        await page.GetByRole(AriaRole.Button, new() { Name = "切换到中文" }).ClickAsync();

        var registrar = await SignInAsync("registrar1");
        Assert.Equal(403, (await registrar.GotoAsync("/staff/dashboard"))!.Status);
        Assert.Equal(400, (await registrar.GotoAsync("/staff/statistics?year=1999"))!.Status);
        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }

    [Fact]
    public async Task An_auditor_filters_the_trail_sees_mistakes_next_to_their_fields_and_is_on_the_trail_too()
    {
        var page = await SignInAsync("auditor1");
        await page.GetByRole(AriaRole.Link, new() { Name = "审计日志" }).ClickAsync();
        await page.Locator("#f-username").FillAsync("auditor1");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        var lines = page.GetByRole(AriaRole.Table, new() { Name = "审计记录" });
        await Assertions.Expect(lines.GetByRole(AriaRole.Row).Filter(new() { HasText = "登录" }).First).ToBeVisibleAsync();
        // The look just taken is on the trail already.
        await Assertions.Expect(lines.GetByRole(AriaRole.Row).Filter(new() { HasText = "查看审计日志" }).First).ToBeVisibleAsync();
        await CheckAsync(page, "audit");

        await page.Locator("#f-outcome").SelectOptionAsync("refused");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选", Exact = true }).ClickAsync();
        Assert.Contains("outcome=refused", page.Url, StringComparison.Ordinal);
        foreach (var outcome in await page.Locator("tbody tr td:nth-child(5)").AllInnerTextsAsync())
            Assert.Equal("被拒绝", outcome);

        var wrong = await page.GotoAsync("/staff/audit?case=%E5%BC%A0%E4%B8%89&from=2026-13-01");
        Assert.Equal(400, wrong!.Status);
        Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(".error-summary a[href='#f-from']")).ToContainTextAsync("请按 年-月-日 填写日期");
        await Assertions.Expect(page.Locator(".error-summary a[href='#f-case']")).ToContainTextAsync("案件编号");
        await CheckAsync(page, "audit-errors");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GotoAsync("/staff/audit?case=%E5%BC%A0%E4%B8%89&from=2026-13-01");
        await Assertions.Expect(page.Locator(".error-summary a[href='#f-from']")).ToContainTextAsync("year-month-day");
        await CheckAsync(page, "audit-errors", "en");

        var investigator = await SignInAsync("investigator1");
        Assert.Equal(403, (await investigator.GotoAsync("/staff/audit"))!.Status);
        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }

    [Fact]
    public async Task An_administrator_adds_a_user_who_signs_in_with_the_code_scanned_then_changes_their_roles_and_disables_them()
    {
        var admin = await SignInAsync("admin1");
        await admin.GetByRole(AriaRole.Link, new() { Name = "用户管理" }).ClickAsync();
        await CheckAsync(admin, "users");
        await admin.GetByRole(AriaRole.Link, new() { Name = "新增用户" }).ClickAsync();

        // Nothing filled in: every mistake is named, next to its field, and nothing is created.
        await admin.GetByRole(AriaRole.Button, new() { Name = "新增用户", Exact = true }).Last.ClickAsync();
        Assert.StartsWith("错误：", await admin.TitleAsync(), StringComparison.Ordinal);
        await Assertions.Expect(admin.Locator(".error-summary a[href='#f-roles']")).ToContainTextAsync("请至少选择一个角色");
        await Assertions.Expect(admin.Locator(".error-summary a[href='#f-password']")).ToContainTextAsync("密码至少 12 个字符");
        await CheckAsync(admin, "new-user-errors");

        var username = "clerk" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6)]);
        const string password = "长城长江黄河泰山昆仑华山";
        await admin.Locator("#f-username").FillAsync(username);
        await admin.Locator("#f-displayName").FillAsync("新同事 New Colleague");
        await admin.Locator("#f-organization").FillAsync("第三监督检查室");
        await admin.GetByLabel("审查调查人员").CheckAsync();
        await admin.Locator("#f-password").FillAsync(password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "新增用户", Exact = true }).Last.ClickAsync();

        Assert.Equal("动态口令二维码", await admin.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await Assertions.Expect(admin.GetByRole(AriaRole.Img, new() { Name = $"{username} 的动态口令二维码" })).ToBeVisibleAsync();
        var key = (await admin.Locator(".secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await CheckAsync(admin, "enrolment");

        // The new user, with the key the page gave, signs in with password and code: the enrolment works end to end.
        var colleague = await browser.NewPageAsync(host.BaseAddress);
        await colleague.GotoAsync("/staff/sign-in");
        await colleague.Locator("#f-username").FillAsync(username);
        await colleague.Locator("#f-password").FillAsync(password);
        await colleague.Locator("#f-totp").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await colleague.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        Assert.Equal("我的待办", await colleague.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await Assertions.Expect(colleague.GetByRole(AriaRole.Link, new() { Name = "案件", Exact = true })).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Link, new() { Name = "完成，返回该用户" }).ClickAsync();
        await admin.GetByLabel("审查调查人员").UncheckAsync();
        await admin.GetByLabel("案件审理人员").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存角色" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice[role=status]")).ToContainTextAsync("角色已更新");
        Assert.True(await admin.GetByLabel("案件审理人员").IsCheckedAsync());
        await CheckAsync(admin, "user");
        // A change of roles ends the session: the colleague signs in again.
        await colleague.GotoAsync("/staff");
        Assert.Contains("/staff/sign-in", colleague.Url, StringComparison.Ordinal);

        await admin.GetByLabel("确认停用这个账号").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "停用账号" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice[role=status]")).ToContainTextAsync("账号已停用");
        await admin.GotoAsync("/staff/users");
        await Assertions.Expect(admin.GetByRole(AriaRole.Row, new() { Name = username })).ToContainTextAsync("已停用");

        // An administrator cannot disable themselves, even by a hand-made post; nor can anyone else use these pages.
        await admin.GotoAsync("/staff/users/admin1");
        Assert.Equal(0, await admin.GetByRole(AriaRole.Button, new() { Name = "停用账号" }).CountAsync());
        var forged = await admin.Context.APIRequest.PostAsync("/staff/users/admin1/disable", new() { Form = await FormWithTokenAsync(admin, ("confirmed", "yes")), MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);
        var registrar = await SignInAsync("registrar1");
        Assert.Equal(403, (await registrar.GotoAsync("/staff/users"))!.Status);
        var byRegistrar = await registrar.Context.APIRequest.PostAsync("/staff/users/investigator2/disable", new() { Form = await FormWithTokenAsync(registrar, ("confirmed", "yes")), MaxRedirects = 0 });
        Assert.Equal(403, byRegistrar.Status);
        await admin.GotoAsync("/staff/users");
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "investigator2" })).Not.ToContainTextAsync("已停用");
        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }

    [Fact]
    public async Task An_informants_new_messages_are_counted_on_my_work_until_the_case_page_has_shown_them()
    {
        var (receipt, caseId) = await host.AcceptedCaseAsync(realName: true);
        await host.ActAsync("approver1", caseId, "assign", new { usernames = new[] { "investigator2" } });
        foreach (var body in new[] { "补充一点：时间是二月三日晚。", "还有一名证人。" })
            (await host.Client.PostAsync(new Uri("/api/intake/messages", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { receipt, body }))).EnsureSuccessStatusCode();

        var page = await SignInAsync("investigator2");
        var tile = page.GetByRole(AriaRole.Link).Filter(new() { HasText = "举报人的新消息" });
        var before = int.Parse(await tile.Locator(".count").InnerTextAsync());
        Assert.True(before >= 2);
        await tile.ClickAsync();
        await Assertions.Expect(page.Locator(".tags")).ToContainTextAsync("有新消息");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator($"a[href='/staff/cases/{caseId}']") });
        await Assertions.Expect(row).ToContainTextAsync("（2 条新消息）");
        await CheckAsync(page, "case-list-unread");

        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator(".messages .from-informant")).ToHaveCountAsync(2);
        // A real-name case says the identity is sealed apart; the timeline names its events in words.
        await Assertions.Expect(page.Locator("section[aria-labelledby=informant]")).ToContainTextAsync("单独加密保存");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("收到举报人来信");
        Assert.DoesNotContain("informant_message_received", await page.InnerTextAsync(".timeline"), StringComparison.Ordinal);

        await page.GotoAsync("/staff");
        Assert.Equal(before - 2, int.Parse(await tile.Locator(".count").InnerTextAsync()));
        await page.GotoAsync("/staff/cases?unread=true");
        await Assertions.Expect(page.Locator($"a[href='/staff/cases/{caseId}']")).ToHaveCountAsync(0);
        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }

    /// <summary>A real-name case registered and assigned two months ago: its acceptance notice is long overdue.</summary>
    private async Task<Guid> OverdueCaseAssignedToAsync(string investigator)
    {
        var caseId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddMonths(-2);
        var envelope = new SealedEnvelope("none", [0], new Dictionary<string, byte[]>());
        var state = CaseState.Create(new ReportSubmitted(caseId, $"lookup-{caseId:N}", new byte[32], envelope, envelope, "zh-CN", at));
        List<object> events = [new ReportSubmitted(caseId, $"lookup-{caseId:N}", new byte[32], envelope, envelope, "zh-CN", at)];
        foreach (var (command, actor) in new (object, Actor)[]
        {
            (new RegisterCase(["work"], [new AccusedPerson("钱七", null, "某镇", null, null)], "不作为", RealName: true), new Actor("registrar1", "registrar")),
            (new Assign([investigator]), new Actor("supervisor1", "supervisor")),
        })
        {
            at = at.AddDays(1);
            foreach (var @event in CaseActions.Decide(state, command, actor, at, WorkingCalendar.Embedded))
            {
                state = state.Apply(@event);
                events.Add(@event);
            }
        }
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.StartStream(caseId, events);
        await session.SaveChangesAsync();
        return caseId;
    }
}
