using Microsoft.Playwright;
using Reporting.Testing;

namespace Reporting.EndToEnd.Tests;

/// <summary>The publishers' and approvers' pages: a notice drafted from a closed case, approved by another, and published.</summary>
public sealed partial class WorkbenchInBrowserTests
{
    [Fact]
    public async Task A_publisher_drafts_a_notice_from_a_closed_case_another_approves_it_and_it_is_published_from_the_workbench()
    {
        var (_, caseId) = await host.ClosedDecidedCaseAsync();
        var caseNumber = (await host.GetJsonAsync("registrar1", $"/api/cases/{caseId}")).GetProperty("caseNumber").GetString()!;

        var publisher = await SignInAsync("publisher1");
        await publisher.GetByRole(AriaRole.Link, new() { Name = "通报" }).ClickAsync();
        await CheckAsync(publisher, "notices");
        await publisher.Locator("#f-case").FillAsync(caseNumber);
        await publisher.Locator("#f-kind").SelectOptionAsync("sanction");
        await publisher.GetByRole(AriaRole.Button, new() { Name = "按案件预填" }).ClickAsync();
        Assert.StartsWith("起草通报", await publisher.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync());
        Assert.Contains("张三", await publisher.Locator("#f-headline").InputValueAsync(), StringComparison.Ordinal);

        // Missing what a notice needs: refused, each field named in Chinese, and nothing drafted.
        await publisher.Locator("#f-headline").FillAsync("");
        await publisher.Locator("#f-body").FillAsync("");
        await publisher.GetByRole(AriaRole.Button, new() { Name = "起草通报" }).ClickAsync();
        Assert.StartsWith("错误：", await publisher.TitleAsync(), StringComparison.Ordinal);
        await Assertions.Expect(publisher.Locator(".error-summary a[href='#f-headline']")).ToContainTextAsync("'标题' 不能为空");
        await CheckAsync(publisher, "notice-errors");

        await publisher.Locator("#f-headline").FillAsync("某市某局原局长张三受到党内严重警告处分");
        await publisher.Locator("#f-body").FillAsync("经查，张三违反中央八项规定精神，多次收受管理服务对象所送礼金和购物卡。");
        // The prefill offers one finding for each of the case's categories; each needs its words.
        for (var row = 0; await publisher.Locator($"[id='f-violations-{row}--category']").CountAsync() > 0; row++)
            if (await publisher.Locator($"[id='f-violations-{row}--category']").InputValueAsync() != "")
                await publisher.Locator($"[id='f-violations-{row}--finding']").FillAsync("违规收受礼金和购物卡");
        await publisher.Locator("#f-authority").FillAsync("经市纪委常委会会议研究并报市委批准");
        await publisher.GetByRole(AriaRole.Button, new() { Name = "起草通报" }).ClickAsync();
        await Assertions.Expect(publisher.Locator(".notice[role=status]")).ToContainTextAsync("起草通报");
        var noticeUrl = new Uri(publisher.Url).AbsolutePath;
        await CheckAsync(publisher, "notice");
        // Its own drafter is offered neither approval nor publication, and an approval forced by hand is refused.
        Assert.Equal(0, await publisher.GetByRole(AriaRole.Button, new() { Name = "批准" }).CountAsync());
        Assert.Equal(0, await publisher.GetByRole(AriaRole.Button, new() { Name = "发布" }).CountAsync());
        var forced = await publisher.Context.APIRequest.PostAsync($"{noticeUrl}/actions/approve", new() { Form = await FormWithTokenAsync(publisher, ("comment", "同意")), MaxRedirects = 0 });
        Assert.Equal(403, forced.Status);

        var approver = await SignInAsync("approver1");
        await approver.GotoAsync("/staff/notices");
        await approver.GetByRole(AriaRole.Link, new() { Name = "某市某局原局长张三受到党内严重警告处分" }).First.ClickAsync();
        await CheckAsync(approver, "notice-approval");
        await approver.Locator("#f-comment").FillAsync("同意发布");
        await approver.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await Assertions.Expect(approver.Locator(".notice[role=status]")).ToContainTextAsync("批准");

        // Publication asks for its confirmation, then signs and logs the notice.
        await publisher.GotoAsync(noticeUrl);
        await publisher.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        Assert.StartsWith("错误：", await publisher.TitleAsync(), StringComparison.Ordinal);
        await publisher.GetByLabel("确认发布", new() { Exact = false }).CheckAsync();
        await publisher.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(publisher.Locator(".notice[role=status]")).ToContainTextAsync("发布");
        await Assertions.Expect(publisher.GetByRole(AriaRole.Table, new() { Name = "发布记录" }).Locator("tbody tr")).ToHaveCountAsync(1);
        await CheckAsync(publisher, "notice-published");
        var noticeId = noticeUrl.Split('/').Last();
        var published = await host.Client.GetAsync(new Uri($"/notices/{noticeId}", UriKind.Relative));
        Assert.Contains("某市某局原局长张三受到党内严重警告处分", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await publisher.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(publisher.GetByRole(AriaRole.Heading, new() { Name = "As published" })).ToBeVisibleAsync();
        await CheckAsync(publisher, "notice-published", "en");

        var registrar = await SignInAsync("registrar1");
        Assert.Equal(403, (await registrar.GotoAsync("/staff/notices"))!.Status);
        Assert.True(_failures.Count == 0, string.Join("\n", _failures));
    }
}
