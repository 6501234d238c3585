using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Staff.Audit;
using Reporting.CaseManagement.Staff.Authorization;
using Marten;

namespace Reporting.CaseManagement.Cases.Viewing;

/// <summary><c>GET /api/cases/{caseId}</c>: the case with the report opened for the reader; access and the read are audited by the filter.</summary>
internal static class GetCaseEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/cases/{caseId}", HandleAsync).WithTags("Cases").RequireCaseAccess(CasePolicies.Read);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> HandleAsync(
        Guid caseId, HttpContext http, IDocumentStore store, OfficeEnvelopes envelopes, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var detail = await LoadAsync(store, caseId, CaseActors.Of(http), time.GetUtcNow(), envelopes, audit, cancellationToken);
        if (detail is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such case.");
        http.Response.Headers.ETag = CaseVersions.ETag(detail.Version);
        return TypedResults.Ok(detail);
    }

    /// <summary>
    /// The case as the reader may see it. When that includes the informant's identity, the opening is on the audit trail
    /// before the detail goes anywhere: an identity never leaves unrecorded, whichever endpoint answers with it.
    /// </summary>
    public static async Task<CaseDetail?> LoadAsync(
        IDocumentStore store, Guid caseId, Actor reader, DateTimeOffset now, OfficeEnvelopes envelopes, IAuditTrail audit, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(caseId, token: cancellationToken);
        if (events.Count == 0)
            return null;
        var detail = CaseDetail.Of(events, reader, WorkingCalendar.DateInChina(now), envelopes);
        if (detail.Identity is not null)
            await audit.RecordAsync(
                new AuditEntry(Guid.NewGuid(), now, reader.Username, AuditActions.IdentityRead, caseId, AuditOutcomes.Succeeded, null), cancellationToken);
        return detail;
    }
}
