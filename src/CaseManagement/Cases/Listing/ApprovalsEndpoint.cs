using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Staff.Audit;
using Reporting.CaseManagement.Staff.Authorization;
using Marten;

namespace Reporting.CaseManagement.Cases.Listing;

/// <summary>
/// <c>GET /api/cases/approvals</c>: the approver's queue, oldest first: proposals awaiting approval that the caller
/// did not make, and cases whose informant asked for protection and has no answer yet.
/// </summary>
public static class ApprovalsEndpoint
{
    public const int MaximumItems = 500;

    public sealed record ApprovalsResponse(IReadOnlyList<AwaitingApproval> Items);

    /// <param name="ProposalKind">What the pending proposal would do; null when only a protection request waits.</param>
    public sealed record AwaitingApproval(Guid CaseId, string Stage, string? Title, DateTimeOffset ReceivedAt, string? ProposalKind, string? ProposedBy, int OpenProtectionRequests);

    internal static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/cases/approvals", HandleAsync).WithTags("Cases").RequireAuthorization(StaffPolicies.Approvals);

    private static async Task<Ok<ApprovalsResponse>> HandleAsync(
        HttpContext http, IDocumentStore store, VisibleCases cases, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(CurrentStaff.Member(http)!, store, cases, audit, time, cancellationToken));

    /// <summary>The queue for the API and the workbench alike; the read is audited.</summary>
    internal static async Task<ApprovalsResponse> QueryAsync(
        StaffMember user, IDocumentStore store, VisibleCases cases, IAuditTrail audit, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var proposals = await (await cases.QueryAsync(session, user, query =>
                query.Where(item => item.PendingProposalBy != null && item.PendingProposalBy != user.Username), cancellationToken))()
            .OrderBy(item => item.ReceivedAt).Take(MaximumItems).ToListAsync(cancellationToken);
        var protection = await (await cases.QueryAsync(session, user, query => query.Where(item => item.OpenProtectionRequests > 0), cancellationToken))()
            .OrderBy(item => item.ReceivedAt).Take(MaximumItems).ToListAsync(cancellationToken);

        var items = proposals.Concat(protection).DistinctBy(item => item.Id).OrderBy(item => item.ReceivedAt)
            .Select(item => new AwaitingApproval(item.Id, item.Stage, cases.Title(item), item.ReceivedAt,
                item.PendingProposalBy == user.Username ? null : item.PendingProposalKind,
                item.PendingProposalBy == user.Username ? null : item.PendingProposalBy,
                item.OpenProtectionRequests))
            .ToList();
        await audit.RecordAsync(new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), user.Username, AuditActions.CaseList, null,
            AuditOutcomes.Succeeded, $"approvals: {items.Count} cases"), cancellationToken);
        return new ApprovalsResponse(items);
    }
}
