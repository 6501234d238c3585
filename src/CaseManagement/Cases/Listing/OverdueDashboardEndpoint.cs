using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Staff.Accounts;
using Reporting.CaseManagement.Staff.Authorization;
using Marten;

namespace Reporting.CaseManagement.Cases.Listing;

/// <summary>
/// <c>GET /api/cases/overdue</c>: how many cases have a deadline past due today, for the whole office, by stage and by
/// the person assigned, so that slow or missing answers have a name on them. Counts only: no case is shown here.
/// </summary>
internal static class OverdueDashboardEndpoint
{
    /// <param name="Unassigned">Overdue cases nobody is assigned to: the registrars' and supervisors' to answer for.</param>
    public sealed record OverdueDashboard(DateOnly Today, long Total, long Unassigned, IReadOnlyDictionary<string, long> ByStage, IReadOnlyDictionary<string, long> ByAssignee);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/cases/overdue", HandleAsync).WithTags("Cases").RequireAuthorization(StaffPolicies.OverdueDashboard);

    private static async Task<Ok<OverdueDashboard>> HandleAsync(IDocumentStore store, IStaffAccounts accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = WorkingCalendar.DateInChina(time.GetUtcNow());
        await using var session = store.QuerySession();
        var total = await session.Query<CaseListItem>().Where(item => item.NextDeadline < today).CountAsync(cancellationToken);

        var byStage = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var stage in CaseStage.All)
            if (await session.Query<CaseListItem>().Where(item => item.Stage == stage && item.NextDeadline < today).CountAsync(cancellationToken) is > 0 and var count)
                byStage[stage] = count;

        var byAssignee = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var account in await accounts.ListAsync(cancellationToken))
        {
            var username = account.Username;
            if (await session.Query<CaseListItem>().Where(item => item.Assignees.Contains(username) && item.NextDeadline < today).CountAsync(cancellationToken) is > 0 and var count)
                byAssignee[username] = count;
        }
        var unassigned = await session.Query<CaseListItem>().Where(item => !item.Assignees.Any() && item.NextDeadline < today).CountAsync(cancellationToken);
        return TypedResults.Ok(new OverdueDashboard(today, total, unassigned, byStage, byAssignee));
    }
}
