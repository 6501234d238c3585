using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.Opening;
using Reporting.CaseManagement.Staff.Authorization;
using Reporting.EventStore;

namespace Reporting.CaseManagement.Cases.Viewing;

/// <summary><c>GET /api/cases/{caseId}</c>: the case with the report opened for the reader; access and the read are audited by the filter.</summary>
internal static class GetCaseEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/cases/{caseId}", HandleAsync).WithTags("Cases").RequireCaseAccess(CasePolicies.Read);

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> HandleAsync(
        Guid caseId, HttpContext http, IDocumentStore store, OfficeEnvelopes envelopes, TimeProvider time, CancellationToken cancellationToken)
    {
        var detail = await LoadAsync(store, caseId, CaseActors.Of(http), WorkingCalendar.DateInChina(time.GetUtcNow()), envelopes, cancellationToken);
        if (detail is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such case.");
        http.Response.Headers.ETag = CaseVersions.ETag(detail.Version);
        return TypedResults.Ok(detail);
    }

    public static async Task<CaseDetail?> LoadAsync(IDocumentStore store, Guid caseId, Actor reader, DateOnly today, OfficeEnvelopes envelopes, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(caseId, cancellationToken: cancellationToken);
        return events.Count == 0 ? null : CaseDetail.Of(events, reader, today, envelopes);
    }
}
