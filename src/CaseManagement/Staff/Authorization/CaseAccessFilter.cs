using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Reporting.CaseManagement.Staff.Audit;

namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>
/// Guards an endpoint on one case: the route's <c>caseId</c>, and either a fixed action (reads) or the route's
/// <c>action</c>. Runs the action's policy (roles), then the case's own rules (recusal, assignment, separation of duties);
/// a refusal is audited and answered 403, an unknown case 404. Every outcome is audited.
/// </summary>
public static class CaseAccessFilter
{
    public static RouteHandlerBuilder RequireCaseAccess(this RouteHandlerBuilder endpoint, string? fixedAction = null) =>
        endpoint.RequireAuthorization(StaffPolicies.AnyStaff).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var action = fixedAction ?? http.Request.RouteValues["action"] as string;
            if (action is null)
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such action.");
            var policy = CasePolicies.Find(action) ?? CasePolicies.Unlisted(action);
            if (!Guid.TryParse(http.Request.RouteValues["caseId"] as string, out var caseId))
                return Contracts.Workbench.WorkbenchPages.IsWorkbench(http) ? Contracts.Workbench.WorkbenchPages.NotFound(http) : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such case.");

            var services = http.RequestServices;
            var refusal = (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, policy.PolicyName)).Succeeded
                ? null
                : AccessRefusal.MissingRole as AccessRefusal?;
            if (refusal is null)
            {
                var facts = await services.GetRequiredService<ICaseAccessFacts>().LoadAsync(caseId, http.RequestAborted);
                if (facts is null)
                    return Contracts.Workbench.WorkbenchPages.IsWorkbench(http)
                        ? Contracts.Workbench.WorkbenchPages.NotFound(http)
                        : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such case.");
                refusal = CaseAccess.Check(policy, CurrentStaff.Member(http)!, facts);
            }
            var audit = services.GetRequiredService<IAuditTrail>();
            var time = services.GetRequiredService<TimeProvider>();
            var auditAction = AuditActionFor(action);
            if (refusal is not null)
            {
                await audit.RecordAsync(new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), CurrentStaff.Username(http),
                    auditAction, caseId, AuditOutcomes.Refused, refusal.ToString()), http.RequestAborted);
                return Contracts.Workbench.WorkbenchPages.IsWorkbench(http)
                    ? Contracts.Workbench.WorkbenchPages.Forbidden(http, refusal.Value.Explain())
                    : StaffProblems.Forbidden(refusal.Value.Explain());
            }

            // Every read and every action is recorded with its outcome, whatever the endpoint answers.
            var result = await next(context);
            var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
            var detail = status < 400 ? AttachmentDetail(http) : $"status {status}";
            await audit.RecordAsync(new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), CurrentStaff.Username(http),
                auditAction, caseId, status < 400 ? AuditOutcomes.Succeeded : AuditOutcomes.Failed, detail), CancellationToken.None);
            return result;
        });

    private static string AuditActionFor(string action) => action switch
    {
        CasePolicies.Read => AuditActions.CaseRead,
        CasePolicies.DownloadAttachment => AuditActions.AttachmentDownload,
        _ => AuditActions.CaseAction(action),
    };

    private static string? AttachmentDetail(HttpContext http) =>
        http.Request.RouteValues["attachmentId"] is string attachmentId && Guid.TryParse(attachmentId, out var id) ? $"attachment {id}" : null;
}
