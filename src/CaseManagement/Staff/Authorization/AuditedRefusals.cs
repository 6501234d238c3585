using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Reporting.CaseManagement.Staff.Audit;

namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>
/// Every request refused by a policy is audited and answered with a 403 problem; unauthenticated requests get the
/// bearer challenge (401) as usual, which the host turns into a problem response.
/// </summary>
internal sealed class AuditedRefusals(IAuditTrail audit, TimeProvider time) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        var caseId = context.Request.RouteValues.TryGetValue("caseId", out var value) && Guid.TryParse(value as string, out var id) ? id : (Guid?)null;
        var policyName = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault()?.Policy ?? "default";
        await audit.RecordAsync(new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), CurrentStaff.Username(context),
            AuditActions.Request(policyName), caseId, AuditOutcomes.Refused, AccessRefusal.MissingRole.ToString()), context.RequestAborted);
        if (Contracts.Workbench.WorkbenchPages.IsWorkbench(context))
        {
            context.Response.Headers.ContentSecurityPolicy = Contracts.Workbench.WorkbenchRoutes.ContentSecurityPolicy;
            await Contracts.Workbench.WorkbenchPages.Forbidden(context, AccessRefusal.MissingRole.Explain()).ExecuteAsync(context);
            return;
        }
        await StaffProblems.Forbidden(AccessRefusal.MissingRole.Explain()).ExecuteAsync(context);
    }
}
