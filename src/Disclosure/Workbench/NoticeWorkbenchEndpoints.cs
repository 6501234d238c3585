using System.Text.Json;
using Marten;
using Reporting.CaseManagement.Contracts;
using Reporting.CaseManagement.Contracts.Workbench;
using Reporting.Disclosure.Notices;
using Reporting.Disclosure.Notices.Drafting;
using Reporting.Disclosure.Notices.Listing;
using Reporting.Disclosure.Workbench.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Reporting.Disclosure.Workbench;

/// <summary>
/// The publishers' and approvers' pages in the staff workbench: the notices in progress and published, a draft from a
/// case, its revision, approval or rejection (never one's own), publication, correction and withdrawal. Each change is
/// a form posted and answered with a redirect, and goes through <see cref="NoticeActing"/> exactly as the API's does.
/// </summary>
internal static class NoticeWorkbenchEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var notices = WorkbenchRoutes.MapGroup(endpoints).MapGroup("/notices");
        notices.MapGet("", ListAsync).RequireAuthorization(StaffAccess.NoticeStaff);
        notices.MapGet("/new", NewAsync).RequireAuthorization(StaffAccess.NoticePublishers);
        notices.MapPost("", DraftAsync).RequireAuthorization(StaffAccess.NoticePublishers);
        notices.MapGet("/{noticeId:guid}", NoticeAsync).RequireAuthorization(StaffAccess.NoticeStaff);
        notices.MapGet("/{noticeId:guid}/edit", EditAsync).RequireAuthorization(StaffAccess.NoticePublishers);
        notices.MapPost("/{noticeId:guid}/actions/{action}", ActAsync).RequireAuthorization(StaffAccess.NoticeStaff);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var drafts = await session.Query<NoticeSummary>().Where(summary => summary.DraftStatus != null).OrderBy(summary => summary.Id).Take(200).ToListAsync(cancellationToken);
        var published = await session.Query<NoticeSummary>().Where(summary => summary.Published).OrderByDescending(summary => summary.LastPublishedAt).Take(50).ToListAsync(cancellationToken);
        return WorkbenchPages.Render<NoticesPage>(http, new { Drafts = (IReadOnlyList<NoticeSummary>)drafts, Published = (IReadOnlyList<NoticeSummary>)published });
    }

    /// <summary>A draft form filled in from the case's decision, for the case the publisher names by its number.</summary>
    private static async Task<IResult> NewAsync(HttpContext http, string? @case, string? kind, IDisclosableCases cases, IOptions<DisclosureOptions> options, CancellationToken cancellationToken)
    {
        var page = PageContext.Of(http);
        kind = string.IsNullOrEmpty(kind) ? NoticeKind.Sanction : kind;
        var number = (@case ?? "").Trim();
        var caseId = Guid.TryParse(number, out var id) ? id : number.Length is > 0 and <= 32 ? await cases.FindByNumberAsync(number, cancellationToken) : null;
        if (!NoticeKind.Drafted.Contains(kind) || caseId is null)
            return Refused(http, ("没有这个案件编号，或通报类型有误。请核对后重新填写。", "There is no case with this number, or no such kind of notice. Check them and try again."));
        var facts = await cases.ReadForNoticeAsync(caseId.Value, CurrentUsername(http), cancellationToken);
        if (facts is null)
            return Refused(http, ("没有这个案件。", "There is no such case."));
        try
        {
            DraftNoticeDecider.RefuseUnlessCaseAllows(facts, kind);
        }
        catch (NoticeRefusedException refused)
        {
            return Refused(http, ("该案件目前不能发布此类通报：", "This case does not allow this kind of notice now: "), refused.Refusal.Message);
        }
        var values = NoticeForm.ValuesOf(JsonSerializer.SerializeToElement(NoticePrefill.From(facts, kind, options.Value.PublishingOrgan), Json));
        return WorkbenchPages.Render<NoticeEditPage>(http, new
        {
            Action = "draft", Values = (IReadOnlyDictionary<string, string>)values, Errors = NoErrors, CaseNumber = facts.CaseNumber,
        });
    }

    private static async Task<IResult> DraftAsync(HttpContext http, NoticeActing acting, CancellationToken cancellationToken)
    {
        var values = NoticeForm.ValuesOf(await http.Request.ReadFormAsync(cancellationToken));
        System.Globalization.CultureInfo.CurrentUICulture = PageContext.Of(http).Culture;
        var outcome = await acting.DraftAsync(NoticeForm.BodyOf(values), CurrentUsername(http), cancellationToken);
        return outcome switch
        {
            NoticeOutcome.Drafted drafted => TypedResults.Redirect($"/staff/notices/{drafted.NoticeId}?done=draft"),
            _ => await AnswerAsync(http, outcome, values, "draft", null),
        };
    }

    private static Task<IResult> NoticeAsync(Guid noticeId, string? done, HttpContext http, IDocumentStore store, CancellationToken cancellationToken) =>
        RenderNoticeAsync(http, store, noticeId, done is not null && NoticeLabels.Actions.ContainsKey(done) ? done : null, NoErrors, StatusCodes.Status200OK, cancellationToken);

    /// <summary>The notice's page: its draft or published content, its versions, and the forms its reader may use now.</summary>
    private static async Task<IResult> RenderNoticeAsync(HttpContext http, IDocumentStore store, Guid noticeId, string? done,
        IReadOnlyDictionary<string, string[]> errors, int status, CancellationToken cancellationToken)
    {
        if (await ViewAsync(store, noticeId, cancellationToken) is not { } view)
            return WorkbenchPages.NotFound(http);
        var published = await PublishedContentAsync(store, noticeId, cancellationToken);
        return WorkbenchPages.Render<NoticePage>(http, new { Notice = view, PublishedContent = published, Done = done, Errors = errors }, status);
    }

    /// <summary>The content form: a draft's revision, or a published notice's correction (with the reason the public reads).</summary>
    private static async Task<IResult> EditAsync(Guid noticeId, HttpContext http, IDocumentStore store, CancellationToken cancellationToken)
    {
        if (await ViewAsync(store, noticeId, cancellationToken) is not { } view)
            return WorkbenchPages.NotFound(http);
        var (action, content) = view.Draft is { } draft ? ("revise", draft.Content) : ("correct", await PublishedContentAsync(store, noticeId, cancellationToken));
        if (content is null || view.Withdrawn)
            return WorkbenchPages.NotFound(http);
        var values = NoticeForm.ValuesOf(JsonSerializer.SerializeToElement(content, Json));
        values["version"] = view.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WorkbenchPages.Render<NoticeEditPage>(http, new { Action = action, NoticeId = (Guid?)noticeId, Values = (IReadOnlyDictionary<string, string>)values, Errors = NoErrors });
    }

    private static async Task<IResult> ActAsync(Guid noticeId, string action, HttpContext http, NoticeActing acting, IDocumentStore store, CancellationToken cancellationToken)
    {
        if (NoticeActing.PolicyFor(action) is null)
            return WorkbenchPages.NotFound(http);
        var values = NoticeForm.ValuesOf(await http.Request.ReadFormAsync(cancellationToken));
        // Publishing and withdrawing cannot be undone: each needs its confirmation ticked.
        if (action is "publish" or "withdraw" && values.GetValueOrDefault("confirmed") != "yes")
            return await RenderNoticeAsync(http, store, noticeId, null,
                new Dictionary<string, string[]> { ["confirmed-" + action] = [PageContext.Of(http).T("请勾选确认后再办理", "Tick the confirmation first")] }, StatusCodes.Status400BadRequest, cancellationToken);
        long? version = long.TryParse(values.GetValueOrDefault("version"), out var seen) ? seen : null;
        // The validators speak the page's language (this request's own culture; it flows no further than the request).
        System.Globalization.CultureInfo.CurrentUICulture = PageContext.Of(http).Culture;
        var outcome = await acting.ActAsync(noticeId, action, NoticeForm.BodyOf(values), version, http.User, cancellationToken);
        return outcome switch
        {
            NoticeOutcome.Done => TypedResults.Redirect($"/staff/notices/{noticeId}?done={action}"),
            _ => await AnswerAsync(http, outcome, values, action, noticeId),
        };
    }

    /// <summary>Anything but success: the content form again for content, the notice's page for the rest, each with why.</summary>
    private static async Task<IResult> AnswerAsync(HttpContext http, NoticeOutcome outcome, Dictionary<string, string> values, string action, Guid? noticeId)
    {
        var page = PageContext.Of(http);
        switch (outcome)
        {
            case NoticeOutcome.Forbidden forbidden:
                return WorkbenchPages.Forbidden(http, forbidden.Detail);
            case NoticeOutcome.NotFound:
                return WorkbenchPages.NotFound(http);
            case NoticeOutcome.Stale:
                return WorkbenchPages.Message(http, StatusCodes.Status409Conflict, ("通报已被他人修改", "Someone else changed the notice"),
                    ("在您办理期间，另一名工作人员修改了这份通报，未作任何更改。请重新打开后再办理。", "Another member of staff changed this notice while you worked on it; nothing was changed. Open it again and retry."),
                    noticeId is { } changed ? $"/staff/notices/{changed}" : "/staff/notices");
        }
        IReadOnlyDictionary<string, string[]> errors = outcome switch
        {
            NoticeOutcome.Invalid invalid => invalid.Errors,
            NoticeOutcome.Refused { Refusal.Errors: { } refusalErrors } => new Dictionary<string, string[]>(refusalErrors),
            NoticeOutcome.Refused refused => new Dictionary<string, string[]> { [action is "approve" or "reject" or "withdraw" ? "reason" : "headline"] = [refused.Refusal.Message] },
            _ => new Dictionary<string, string[]> { ["headline"] = [page.T("表单内容不完整，请重新填写。", "The form is incomplete; fill it in again.")] },
        };
        var status = outcome is NoticeOutcome.Refused { Refusal.Kind: NoticeRefusalKind.Conflict } ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        if (action is "draft" or "revise" or "correct")
            return WorkbenchPages.Render<NoticeEditPage>(http, new { Action = action, NoticeId = noticeId, Values = (IReadOnlyDictionary<string, string>)values, Errors = errors }, status);
        return await RenderNoticeAsync(http, http.RequestServices.GetRequiredService<IDocumentStore>(), noticeId!.Value, null, errors, status, http.RequestAborted);
    }

    private static async Task<NoticeStaffView?> ViewAsync(IDocumentStore store, Guid noticeId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var state = await session.Events.AggregateStreamAsync<NoticeState>(noticeId, token: cancellationToken);
        return state is null ? null : NoticeStaffView.Of(state);
    }

    private static async Task<NoticeContent?> PublishedContentAsync(IDocumentStore store, Guid noticeId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<NoticeSummary>(noticeId, cancellationToken))?.Content;
    }

    private static IResult Refused(HttpContext http, (string Zh, string En) text, string? detail = null) =>
        WorkbenchPages.Message(http, StatusCodes.Status400BadRequest, ("不能起草通报", "Cannot draft this notice"),
            detail is null ? text : (text.Zh + detail, text.En + detail), "/staff/notices");

    private static string CurrentUsername(HttpContext http) => StaffAccess.Username(http.User)!;

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();
}
