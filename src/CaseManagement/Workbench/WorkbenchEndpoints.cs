using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Acting;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Listing;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Cases.Viewing;
using Reporting.CaseManagement.Contracts.Workbench;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Audit;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.CaseManagement.Staff.SigningIn;
using Reporting.CaseManagement.Workbench.Forms;
using Reporting.CaseManagement.Workbench.Pages;
using Reporting.CaseManagement.Workbench.Reading;
using Reporting.CaseManagement.Workbench.Sessions;

namespace Reporting.CaseManagement.Workbench;

/// <summary>
/// The workbench's routes under <c>/staff</c>: full pages, every change a form posted and answered with a redirect
/// (Post/Redirect/Get), every action through <see cref="CaseActionTaking"/> and the same case guards and audit as the API.
/// </summary>
internal static class WorkbenchEndpoints
{
    internal static void Map(IEndpointRouteBuilder endpoints)
    {
        var staff = WorkbenchRoutes.MapGroup(endpoints);
        staff.MapGet("/workbench.css", () => TypedResults.Text(Stylesheet.Css, "text/css; charset=utf-8"));
        staff.MapGet("/sign-in", (HttpContext http, string? returnTo) => WorkbenchPages.Render<SignInPage>(http, new { ReturnTo = LocalOrHome(returnTo) }));
        staff.MapPost("/sign-in", SignInAsync);
        staff.MapPost("/sign-out", SignOutAsync);
        staff.MapPost("/language", LanguageAsync);
        staff.MapGet("/forbidden", (HttpContext http) => WorkbenchPages.Forbidden(http, AccessRefusal.MissingRole.Explain()));
        staff.MapGet("/", MyWorkAsync).RequireAuthorization(StaffPolicies.AnyStaff);
        staff.MapGet("/cases", ListAsync).RequireAuthorization(StaffPolicies.ListCases);
        staff.MapPost("/cases/search", SearchAsync).RequireAuthorization(StaffPolicies.ListCases);
        staff.MapGet("/approvals", ApprovalsAsync).RequireAuthorization(StaffPolicies.Approvals);
        staff.MapGet("/cases/{caseId}", CaseAsync).RequireCaseAccess(CasePolicies.Read);
        staff.MapGet("/cases/{caseId}/actions/{action}", ActionFormAsync).RequireCaseAccess(CasePolicies.Read);
        staff.MapPost("/cases/{caseId}/actions/{action}", TakeActionAsync).RequireCaseAccess();
        OversightEndpoints.Map(staff);
        Administration.AdministrationEndpoints.Map(staff);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SignIn signIn, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var username = form["username"].ToString().Trim();
        var returnTo = LocalOrHome(form["returnTo"]);
        var account = username.Length is > 0 and <= 64
            ? await signIn.VerifyAsync(username, form["password"].ToString(), form["totp"].ToString() is { Length: > 0 } totp ? totp : null, cancellationToken)
            : null;
        if (account is null)
            return WorkbenchPages.Render<SignInPage>(http, new { Failed = true, Username = username.Length <= 64 ? username : "", ReturnTo = returnTo }, StatusCodes.Status400BadRequest);
        await http.SignInAsync(WorkbenchAuthentication.Scheme, WorkbenchAuthentication.PrincipalOf(account), WorkbenchAuthentication.Properties(time.GetUtcNow()));
        return TypedResults.Redirect(returnTo);
    }

    /// <summary>The session ends on the server, and the browser is told to forget everything of this origin.</summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        await http.SignOutAsync(WorkbenchAuthentication.Scheme);
        http.Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
        return TypedResults.Redirect("/staff/sign-in");
    }

    /// <summary>The cookie holds the language and nothing else.</summary>
    private static async Task<IResult> LanguageAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var language = form["language"] == "en" ? "en" : "zh-CN";
        http.Response.Cookies.Append(PageContext.LanguageCookie, language, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = WorkbenchAuthentication.PathPrefix, MaxAge = TimeSpan.FromDays(365),
        });
        return TypedResults.Redirect(LocalOrHome(form["returnTo"]));
    }

    private static async Task<IResult> MyWorkAsync(HttpContext http, IDocumentStore store, CaseSearchIndex search, VisibleCases cases, IAuditTrail audit,
        CaseReadings readings, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = CurrentStaff.Member(http)!;
        var tiles = new List<(string, int, (string, string))>();
        IReadOnlyList<ListCasesEndpoint.CaseListEntry> mine = [];
        IReadOnlyDictionary<Guid, int> unread = new Dictionary<Guid, int>();
        if (user.Roles.Overlaps(StaffRoles.CaseHandlers))
        {
            var assigned = await ListCasesEndpoint.QueryAsync(new(null, "me", null, null, 1, 10), user, store, search, cases, audit, time, cancellationToken);
            var overdue = await ListCasesEndpoint.QueryAsync(new(null, null, true, null, 1, 1), user, store, search, cases, audit, time, cancellationToken);
            var waiting = await ListCasesEndpoint.QueryAsync(new(CaseStage.Submitted, null, null, null, 1, 1), user, store, search, cases, audit, time, cancellationToken);
            tiles.Add(("/staff/cases?assignedTo=me", (int)assigned.Total, ("分配给我的案件", "Assigned to me")));
            tiles.Add(("/staff/cases?overdue=true", (int)overdue.Total, ("已超期的案件", "Overdue")));
            tiles.Add(("/staff/cases?stage=submitted", (int)waiting.Total, ("待登记的举报", "Awaiting registration")));
            unread = await readings.UnreadOnMineAsync(user, cases, cancellationToken);
            tiles.Insert(1, ("/staff/cases?assignedTo=me&unread=true", unread.Values.Sum(), ("举报人的新消息", "New messages from informants")));
            mine = assigned.Items;
        }
        if (user.Roles.Contains(StaffRoles.Approver))
        {
            var approvals = await ApprovalsEndpoint.QueryAsync(user, store, cases, audit, time, cancellationToken);
            tiles.Add(("/staff/approvals", approvals.Items.Count, ("待我审批", "Awaiting my approval")));
        }
        return WorkbenchPages.Render<MyWorkPage>(http, new { Tiles = (IReadOnlyList<(string, int, (string, string))>)tiles, Mine = mine, Unread = unread });
    }

    /// <param name="unread">"true": only the user's cases with informant messages they have not read (and so assigned to them).</param>
    private static async Task<IResult> ListAsync(HttpContext http, string? stage, string? assignedTo, string? overdue, string? unread, string? sort, int? page,
        IDocumentStore store, CaseSearchIndex search, VisibleCases cases, IAuditTrail audit, CaseReadings readings, TimeProvider time, CancellationToken cancellationToken)
    {
        var onlyUnread = unread == "true";
        var query = new ListCasesEndpoint.CaseListQuery(string.IsNullOrEmpty(stage) ? null : stage, assignedTo == "me" || onlyUnread ? "me" : null,
            overdue == "true" ? true : null, null, page is > 0 ? page : null, CaseListPage.PageSize);
        return await RenderListAsync(http, query, store, search, cases, audit, time, cancellationToken, onlyUnread ? readings : null,
            sort is not null && ListCasesEndpoint.Sorts.Contains(sort) ? sort : null);
    }

    private static async Task<IResult> SearchAsync(HttpContext http, IDocumentStore store, CaseSearchIndex search, VisibleCases cases, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var q = form["q"].ToString().Trim();
        var query = new ListCasesEndpoint.CaseListQuery(null, null, null, q.Length > 0 ? q : null, null, CaseListPage.PageSize);
        return await RenderListAsync(http, query, store, search, cases, audit, time, cancellationToken);
    }

    private static async Task<IResult> RenderListAsync(HttpContext http, ListCasesEndpoint.CaseListQuery query,
        IDocumentStore store, CaseSearchIndex search, VisibleCases cases, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken,
        CaseReadings? unreadOnly = null, string? sort = null)
    {
        var validation = await new ListCasesEndpoint.Validator().ValidateAsync(query, cancellationToken);
        if (!validation.IsValid)
            return WorkbenchPages.Message(http, StatusCodes.Status400BadRequest, ("筛选条件有误", "Invalid filter"), ("请从表单中选择筛选条件。", "Choose the filters from the form."), "/staff/cases");
        var user = CurrentStaff.Member(http)!;
        var unread = unreadOnly is null ? null : await unreadOnly.UnreadOnMineAsync(user, cases, cancellationToken);
        var result = await ListCasesEndpoint.QueryAsync(query, user, store, search, cases, audit, time, cancellationToken, unread?.Keys.ToArray(), sort);
        return WorkbenchPages.Render<CaseListPage>(http, new { Query = query, Result = result, Unread = unread, Sort = sort ?? ListCasesEndpoint.Sorts[0] });
    }

    private static async Task<IResult> ApprovalsAsync(HttpContext http, IDocumentStore store, VisibleCases cases, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var queue = await ApprovalsEndpoint.QueryAsync(CurrentStaff.Member(http)!, store, cases, audit, time, cancellationToken);
        return WorkbenchPages.Render<ApprovalsPage>(http, new { Items = queue.Items });
    }

    private static async Task<IResult> CaseAsync(Guid caseId, string? done, HttpContext http, IDocumentStore store, OfficeEnvelopes envelopes, IAuditTrail audit,
        CaseReadings readings, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var actor = CaseActors.Of(http);
        var detail = await GetCaseEndpoint.LoadAsync(store, caseId, actor, now, envelopes, audit, cancellationToken);
        if (detail is null)
            return WorkbenchPages.NotFound(http);
        // The page shows the whole conversation: every message the informant sent so far now counts as read by this reader.
        await readings.SeenAsync(actor.Username, caseId, detail.Messages.Count(message => message.From == "informant"), cancellationToken);
        return WorkbenchPages.Render<CasePage>(http, new { Case = detail, Done = done is not null && Labels.Actions.ContainsKey(done) ? done : null, Today = WorkingCalendar.DateInChina(now) });
    }

    private static async Task<IResult> ActionFormAsync(Guid caseId, string action, HttpContext http, IDocumentStore store, OfficeEnvelopes envelopes,
        IAuditTrail audit, IStaffAccounts accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var detail = await GetCaseEndpoint.LoadAsync(store, caseId, CaseActors.Of(http), time.GetUtcNow(), envelopes, audit, cancellationToken);
        if (detail is null || CaseActions.All.FirstOrDefault(known => known.Name == action) is not { } caseAction)
            return WorkbenchPages.NotFound(http);
        // Only what the case allows this user now is offered; a link typed by hand to anything else says why not.
        if (!detail.AllowedActions.Contains(action))
            return NotNow(http, caseId);
        return await RenderFormAsync(http, detail, caseAction, detail.Version, new Dictionary<string, string[]>(), new Dictionary<string, string[]>(), null, accounts, StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> TakeActionAsync(Guid caseId, string action, HttpContext http, CaseActionTaking taking, IDocumentStore store,
        OfficeEnvelopes envelopes, IAuditTrail audit, IStaffAccounts accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CaseActions.All.FirstOrDefault(known => known.Name == action) is not { } caseAction)
            return WorkbenchPages.NotFound(http);
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var values = form.Where(pair => pair.Key != "__form").ToDictionary(pair => pair.Key, pair => pair.Value.Select(value => value ?? "").ToArray(), StringComparer.Ordinal);
        long? version = long.TryParse(form["version"], out var seen) ? seen : null;
        var fields = ActionFields.For(caseAction);
        var actor = CaseActors.Of(http);

        // "Add another" re-renders the form with what was typed and one more empty item; nothing is taken or stored.
        if (form["add"].ToString() is { Length: > 0 } adding && fields.Any(field => field.Name == adding && field.Kind == FieldKind.Group))
        {
            var current = await GetCaseEndpoint.LoadAsync(store, caseId, actor, time.GetUtcNow(), envelopes, audit, cancellationToken);
            return current is null ? WorkbenchPages.NotFound(http)
                : await RenderFormAsync(http, current, caseAction, version ?? current.Version, values, new Dictionary<string, string[]>(), adding, accounts, StatusCodes.Status200OK, cancellationToken);
        }
        if (Labels.Irreversible.Contains(action) && form["confirmed"] != "yes")
            return WorkbenchPages.Render<ConfirmPage>(http, new { CaseId = caseId, Action = action, Values = (IReadOnlyDictionary<string, string[]>)values });

        var body = JsonSerializer.SerializeToUtf8Bytes(ActionFields.Body(fields, values));
        // The deciders validate in the page's language (this request's own culture; it flows no further than the request).
        System.Globalization.CultureInfo.CurrentUICulture = PageContext.Of(http).Culture;
        switch (await taking.TakeAsync(caseId, caseAction, body, version, actor, cancellationToken))
        {
            case ActionOutcome.Taken:
                return TypedResults.Redirect($"/staff/cases/{caseId}?done={Uri.EscapeDataString(action)}");
            case ActionOutcome.Invalid invalid:
            {
                var current = await GetCaseEndpoint.LoadAsync(store, caseId, actor, time.GetUtcNow(), envelopes, audit, cancellationToken);
                return current is null ? WorkbenchPages.NotFound(http)
                    : await RenderFormAsync(http, current, caseAction, version ?? current.Version, values, invalid.Errors, null, accounts, StatusCodes.Status400BadRequest, cancellationToken);
            }
            case ActionOutcome.Refused { Refusal.Kind: RefusalKind.Forbidden } forbidden:
                return WorkbenchPages.Forbidden(http, forbidden.Refusal.Message);
            case ActionOutcome.Refused refused:
                return WorkbenchPages.Message(http, StatusCodes.Status409Conflict, ("此阶段不能办理", "Not at this stage"),
                    ($"案件当前阶段不允许此操作：{refused.Refusal.Message}", $"The case's stage does not allow this: {refused.Refusal.Message}"), $"/staff/cases/{caseId}");
            case ActionOutcome.Stale:
            {
                var current = await GetCaseEndpoint.LoadAsync(store, caseId, actor, time.GetUtcNow(), envelopes, audit, cancellationToken);
                return current is null ? WorkbenchPages.NotFound(http)
                    : WorkbenchPages.Render<ConflictPage>(http, new { Case = current, Action = action, Seen = version ?? 0 }, StatusCodes.Status409Conflict);
            }
            default:
                return WorkbenchPages.NotFound(http);
        }
    }

    private static async Task<IResult> RenderFormAsync(HttpContext http, CaseDetail detail, CaseAction action, long version,
        IReadOnlyDictionary<string, string[]> values, IReadOnlyDictionary<string, string[]> errors, string? adding, IStaffAccounts accounts, int status, CancellationToken cancellationToken)
    {
        var staff = (await accounts.ListAsync(cancellationToken)).Where(account => !account.Disabled).Select(account => account.Username).Order(StringComparer.Ordinal).ToList();
        return WorkbenchPages.Render<ActionPage>(http, new
        {
            Case = detail, Action = action.Name, Fields = ActionFields.For(action), Version = version, Values = values, Errors = errors,
            StaffNames = (IReadOnlyList<string>)staff, Adding = adding,
        }, status);
    }

    private static IResult NotNow(HttpContext http, Guid caseId) => WorkbenchPages.Message(http, StatusCodes.Status403Forbidden, ("不能办理此操作", "You cannot do this now"),
        ("在案件当前阶段，您不能办理此操作。", "You cannot take this step on the case as it stands."), $"/staff/cases/{caseId}");

    /// <summary>Only a path on this site: an open redirect would let a link send a signed-in user anywhere.</summary>
    private static string LocalOrHome(string? returnTo) =>
        returnTo is { Length: > 1 } path && path.StartsWith(WorkbenchAuthentication.PathPrefix, StringComparison.Ordinal) && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\')
            ? path : WorkbenchAuthentication.PathPrefix;
}
