using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Reporting.Testing;

namespace Reporting.EndToEnd.Tests;

/// <summary>
/// The staff workbench in Chromium, through its pages only: a report sent on the portal walked by the seeded staff,
/// each signed in with their own session, from registration to closing, and the informant reading the outcome. On
/// the way: a self-approval neither offered nor allowed, a stale form, axe on every kind of page in both languages,
/// no policy violations, nothing kept in the browser, and <c>no-store</c> on every page.
/// </summary>
public sealed partial class WorkbenchInBrowserTests(PortalCaseFlowHost host, Browser browser) : IClassFixture<PortalCaseFlowHost>, IClassFixture<Browser>
{
    private static readonly TimeSpan Reading = TimeSpan.FromSeconds(2.1);

    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "../../../../../artifacts/screenshots");

    private readonly Dictionary<string, IPage> _signedIn = [];
    private readonly List<string> _failures = [];

    [Fact]
    public async Task A_report_goes_from_the_portal_through_every_step_of_the_workbench_to_its_outcome_on_the_portal()
    {
        var title = $"收受礼金 {Guid.NewGuid():N}"[..16];
        var receipt = await SubmitOnPortalAsync(title);

        var registrar = await SignInAsync("registrar1");
        await CheckAsync(registrar, "my-work");
        await registrar.GotoAsync("/staff/cases?stage=submitted");
        await CheckAsync(registrar, "case-list-filtered");
        await registrar.Locator("tr", new() { HasText = title }).GetByRole(AriaRole.Link).ClickAsync();
        var caseUrl = registrar.Url;
        var caseId = Guid.Parse(new Uri(caseUrl).Segments.Last());
        await CheckAsync(registrar, "case-page");

        // Registration, once refused for what is missing: the error summary comes first, and names the field.
        await registrar.GetByRole(AriaRole.Link, new() { Name = "登记", Exact = true }).ClickAsync();
        await registrar.Locator("#f-summary").FillAsync("");
        await registrar.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        Assert.StartsWith("错误：", await registrar.TitleAsync(), StringComparison.Ordinal);
        await Assertions.Expect(registrar.Locator(".error-summary")).ToBeVisibleAsync();
        // Each rule speaks Chinese on a Chinese page, the field called by its form's name, nothing quoted in English.
        await Assertions.Expect(registrar.Locator(".error-summary a[href='#f-summary']")).ToContainTextAsync("'摘要' 不能为空");
        Assert.DoesNotContain("must", await registrar.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await CheckAsync(registrar, "validation-errors");
        await registrar.Locator("input[name=categories][value=integrity]").CheckAsync();
        await registrar.Locator("[id='f-accused-0--name']").FillAsync("张三");
        // "Add another" keeps what was typed and adds an empty item; a blank item left so is dropped.
        await registrar.GetByRole(AriaRole.Button, new() { Name = "再添加一项：被反映人" }).ClickAsync();
        await Assertions.Expect(registrar.Locator("[id='f-accused-1--name']")).ToBeVisibleAsync();
        Assert.Equal("张三", await registrar.Locator("[id='f-accused-0--name']").InputValueAsync());
        await registrar.Locator("#f-summary").FillAsync("收受管理服务对象礼金和购物卡");
        // Enter in a field presses the action's own button, the form's first: never "add another".
        await registrar.Locator("[id='f-accused-0--position']").FillAsync("局长");
        await registrar.Locator("[id='f-accused-0--position']").PressAsync("Enter");
        await Assertions.Expect(registrar.Locator(".notice[role=status]")).ToContainTextAsync("登记");
        await ActAsync(registrar, caseId, "受理");

        var supervisor = await SignInAsync("supervisor1");
        await ActAsync(supervisor, caseId, "提出处置方式", async page =>
        {
            await page.Locator("#f-method").SelectOptionAsync("preliminary-verification");
            await page.Locator("#f-reason").FillAsync("线索具体，经集体研究");
            foreach (var member in CaseFlowWalks.Meeting)
                await page.Locator($"input[name=collectiveReview][value={member}]").CheckAsync();
        });

        // Self-approval: not offered to the one who proposed, and refused with a clear page when forced.
        await supervisor.GotoAsync($"/staff/cases/{caseId}");
        Assert.Equal(0, await supervisor.GetByRole(AriaRole.Link, new() { Name = "批准", Exact = true }).CountAsync());
        var forced = await supervisor.APIRequest.PostAsync($"/staff/cases/{caseId}/actions/approve", new()
        {
            Form = await FormWithTokenAsync(supervisor, ("comment", "同意"), ("version", "0")),
        });
        Assert.Equal(403, forced.Status);
        Assert.Contains("无权", await forced.TextAsync(), StringComparison.Ordinal);

        var approver = await SignInAsync("approver1");
        await approver.GotoAsync("/staff/approvals");
        await CheckAsync(approver, "approvals");
        await ActAsync(approver, caseId, "批准", page => page.Locator("#f-comment").FillAsync("同意"));
        await ActAsync(approver, caseId, "分配承办人", async page =>
        {
            await page.Locator("input[name=usernames][value=supervisor1]").CheckAsync();
            await page.Locator("input[name=usernames][value=supervisor2]").CheckAsync();
        });
        await ActAsync(supervisor, caseId, "提交初核报告", async page =>
        {
            await page.Locator("#f-findings").FillAsync("反映问题部分属实");
            await page.Locator("#f-recommendation").SelectOptionAsync("file-case");
        });
        await ActAsync(await SignInAsync("supervisor2"), caseId, "会签初核报告");

        // A stale form: opened before someone else acts, posted after.
        var stale = await SignInAsync("approver2");
        await ActAsync(supervisor, caseId, "提请立案", async page =>
        {
            await page.Locator("#f-reason").FillAsync("违纪事实清楚");
            foreach (var member in CaseFlowWalks.Meeting)
                await page.Locator($"input[name=collectiveReview][value={member}]").CheckAsync();
        });
        await stale.GotoAsync($"/staff/cases/{caseId}/actions/approve");
        await stale.Locator("#f-comment").FillAsync("同意立案");
        await ActAsync(approver, caseId, "批准", page => page.Locator("#f-comment").FillAsync("同意立案"));
        await stale.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        Assert.Equal("案件已被他人更改", await stale.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        await CheckAsync(stale, "conflict");
        await stale.GetByRole(AriaRole.Link, new() { Name = "重新打开表单" }).ClickAsync();
        await stale.Locator("#f-comment").FillAsync("同意立案");
        await SubmitAsync(stale, "批准");

        await ActAsync(approver, caseId, "分配承办人", async page =>
        {
            await page.Locator("input[name=usernames][value=investigator1]").CheckAsync();
            await page.Locator("input[name=usernames][value=investigator2]").CheckAsync();
        });
        await ActAsync(await SignInAsync("investigator1"), caseId, "提交审查调查报告", page => page.Locator("#f-findings").FillAsync("查明违纪事实"));
        var reviewer = await SignInAsync("reviewer1");
        await ActAsync(reviewer, caseId, "登记被审查人陈述申辩", page => page.Locator("#f-statement").FillAsync("本人承认收受礼金"));
        await ActAsync(reviewer, caseId, "提交审理报告", async page =>
        {
            await page.Locator("#f-findings").FillAsync("违反中央八项规定精神");
            await page.Locator("[id='f-proposedSanctions-0--kind']").SelectOptionAsync("party");
            await page.Locator("[id='f-proposedSanctions-0--type']").SelectOptionAsync("serious-warning");
            await page.Locator("input[name=collectiveReview][value=reviewer1]").CheckAsync();
            await page.Locator("input[name=collectiveReview][value=approver1]").CheckAsync();
        });
        await ActAsync(approver, caseId, "批准", page => page.Locator("#f-comment").FillAsync("同意"));

        // Closing cannot be undone: a confirmation page first.
        await registrar.GotoAsync($"/staff/cases/{caseId}");
        await registrar.GetByRole(AriaRole.Link, new() { Name = "办结", Exact = true }).ClickAsync();
        await registrar.Locator("#f-outcomeForInformant").FillAsync("经查，反映的问题基本属实，已给予党内严重警告处分。");
        await registrar.GetByRole(AriaRole.Button, new() { Name = "办结", Exact = true }).ClickAsync();
        Assert.StartsWith("请确认", await registrar.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), StringComparison.Ordinal);
        await CheckAsync(registrar, "confirm");
        await registrar.GetByRole(AriaRole.Button, new() { Name = "确认办理" }).ClickAsync();
        Assert.Contains("已办结", await registrar.InnerTextAsync("main"), StringComparison.Ordinal);

        var informant = await browser.NewPageAsync(host.BaseAddress, javaScript: false);
        await informant.GotoAsync("/status");
        await informant.Locator("#receipt").FillAsync(receipt);
        await Task.Delay(Reading);
        await informant.Locator("form[action^='/status'] button").ClickAsync();
        Assert.Contains("已给予党内严重警告处分", await informant.InnerTextAsync("main"), StringComparison.Ordinal);

        // The same pages in English.
        await registrar.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await registrar.GetAttributeAsync("html", "lang"));
        await CheckAsync(registrar, "case-page", "en");
        await registrar.GotoAsync("/staff/cases?stage=nonexistent-stage");
        await CheckAsync(registrar, "refusal", "en");
        await registrar.GotoAsync("/staff/cases?stage=accepted");
        await CheckAsync(registrar, "case-list-empty", "en");
        await registrar.GotoAsync("/staff");
        await CheckAsync(registrar, "my-work", "en");

        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_and_a_page_needs_signing_in_again()
    {
        var page = await SignInAsync("auditor1");
        var cookies = await page.Context.CookiesAsync();
        var session = cookies.Single(cookie => cookie.Name == "__Host-staff-session");
        Assert.True(session.HttpOnly);
        Assert.True(session.Secure);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync(), "**/staff/sign-out");
        Assert.Contains("\"storage\"", (await response.AllHeadersAsync())["clear-site-data"], StringComparison.Ordinal);

        // The old cookie, sent again by hand, opens nothing: the session is gone from the server.
        var replay = await browser.NewPageAsync(host.BaseAddress);
        await replay.Context.AddCookiesAsync([new Cookie { Name = session.Name, Value = session.Value, Domain = session.Domain, Path = "/", Secure = true, HttpOnly = true }]);
        await replay.GotoAsync("/staff");
        Assert.EndsWith("/staff/sign-in?returnTo=%2Fstaff", replay.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auditor1", "/staff/cases")]
    [InlineData("registrar1", "/staff/approvals")]
    [InlineData("publisher1", "/staff/cases")]
    public async Task A_page_for_other_roles_answers_a_clear_refusal_page(string username, string path)
    {
        var page = await SignInAsync(username);

        var response = await page.GotoAsync(path);

        Assert.Equal(403, response!.Status);
        Assert.Equal("无权办理", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.StartsWith("错误：", await page.TitleAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approver_approves_with_the_keyboard_alone_and_always_sees_where_the_focus_is()
    {
        var (_, caseId) = await host.AcceptedCaseAsync();
        await host.ActAsync("supervisor1", caseId, "propose-disposition", new { method = "talk-inquiry", reason = "经集体研究", collectiveReview = CaseFlowWalks.Meeting });
        var page = await SignInAsync("approver1");
        await page.GotoAsync($"/staff/cases/{caseId}");

        // Tab until the approve link has the focus, checking that every element reached shows a focus ring.
        await page.BringToFrontAsync();
        var reached = new List<string>();
        for (var presses = 0; presses < 80 && !reached.LastOrDefault("").EndsWith("/actions/approve", StringComparison.Ordinal); presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href') || document.activeElement.id || document.activeElement.tagName"));
            Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
            Assert.True(await page.EvaluateAsync<bool>("() => { const r = document.activeElement.getBoundingClientRect(); return r.width > 0 && r.height > 0; }"), "the focus is on something hidden");
        }
        Assert.True(reached.Last().EndsWith("/actions/approve", StringComparison.Ordinal), "the focus went: " + string.Join(" → ", reached));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#f-comment").WaitForAsync();
        for (var presses = 0; presses < 80 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "f-comment"; presses++)
            await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("同意");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("批准", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".notice[role=status]")).ToContainTextAsync("批准");
        var detail = await host.GetJsonAsync("approver1", $"/api/cases/{caseId}");
        Assert.Equal("talk-inquiry", detail.GetProperty("stage").GetString());
    }

    private async Task<string> SubmitOnPortalAsync(string title)
    {
        var page = await browser.NewPageAsync(host.BaseAddress, javaScript: false);
        await page.GotoAsync("/report");
        await page.Locator("#f-report-accused-0-name").FillAsync("张三");
        await page.Locator("#f-report-accused-0-position").FillAsync("局长");
        await page.GetByLabel("违反廉洁纪律").CheckAsync();
        await page.GetByLabel("标题 *").FillAsync(title);
        await page.Locator("#f-report-details").FillAsync("二〇二六年春节前后多次收受管理服务对象所送礼金和购物卡，数额较大。");
        await Task.Delay(Reading);
        await page.Locator("button[value=submit]").ClickAsync();
        return (await page.InnerTextAsync("#receipt")).Trim();
    }

    /// <summary>Each user in a browser context of their own, signed in through the sign-in page, JavaScript on (the pages need none).</summary>
    private async Task<IPage> SignInAsync(string username)
    {
        if (_signedIn.TryGetValue(username, out var known))
            return known;
        var page = await browser.NewPageAsync(host.BaseAddress);
        await page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/staff", StringComparison.Ordinal) && !(response.Headers.GetValueOrDefault("cache-control") ?? "").Split(',', StringSplitOptions.TrimEntries).Contains("no-store"))
                _failures.Add($"{response.Url}: Cache-Control {response.Headers.GetValueOrDefault("cache-control")}");
        };
        await page.GotoAsync("/staff");
        Assert.Contains("/staff/sign-in", page.Url, StringComparison.Ordinal);
        await page.Locator("#f-username").FillAsync(username);
        await page.Locator("#f-password").FillAsync(CaseFlowHost.DevelopmentPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        Assert.Equal("我的待办", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        _signedIn[username] = page;
        return page;
    }

    /// <summary>From the case page: the action's link (so it is offered), its form filled, posted, and the case page again.</summary>
    private async Task ActAsync(IPage page, Guid caseId, string label, Func<IPage, Task>? fill = null)
    {
        await page.GotoAsync($"/staff/cases/{caseId}");
        await page.GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();
        if (fill is not null)
            await fill(page);
        await SubmitAsync(page, label);
    }

    private async Task SubmitAsync(IPage page, string label)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
        var status = page.Locator(".notice[role=status]");
        if (await status.CountAsync() == 0)
            throw new Xunit.Sdk.XunitException($"{label}: no confirmation; the page says: {await page.InnerTextAsync("main")}");
        Assert.Contains(label, await status.InnerTextAsync(), StringComparison.Ordinal);
        await AssertNothingKeptAsync(page, label);
    }

    private static async Task<IFormData> FormWithTokenAsync(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__form", (await page.Locator("input[name=__form]").First.GetAttributeAsync("value"))!);
        foreach (var (name, value) in fields)
            form.Set(name, value);
        return form;
    }

    /// <summary>No policy violation on the page, and nothing of a case in the browser's storage.</summary>
    private async Task AssertNothingKeptAsync(IPage page, string state)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__violations");
        _failures.AddRange(violations.Select(violation => $"{state}: CSP {violation}"));
        var stored = await page.EvaluateAsync<int>("async () => localStorage.length + sessionStorage.length + (await indexedDB.databases()).length");
        if (stored != 0)
            _failures.Add($"{state}: {stored} items in the browser's storage");
    }

    private async Task CheckAsync(IPage page, string state, string language = "zh")
    {
        await AssertNothingKeptAsync(page, state);
        var axe = await browser.NewPageAsync(host.BaseAddress, bypassContentSecurityPolicy: true);
        await axe.GotoAsync("/staff/workbench.css");
        await axe.SetContentAsync(await page.ContentAsync());
        var results = await axe.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.NotEmpty(results.Passes);
        _failures.AddRange(results.Violations.Select(v => $"{state}-{language}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
        await axe.Context.CloseAsync();
        Directory.CreateDirectory(Screenshots);
        await page.SetViewportSizeAsync(1366, 768);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"workbench-{state}-{language}.png") });
    }
}
