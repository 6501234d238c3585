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
public static class OverdueDashboardEndpoint
{
    /// <param name="Unassigned">Overdue cases nobody is assigned to: the registrars' and supervisors' to answer for.</param>
    /// <param name="ByOffice">Overdue cases by the office of the people assigned; a case held by two offices counts once in each.</param>
    public sealed record OverdueDashboard(DateOnly Today, long Total, long Unassigned, IReadOnlyDictionary<string, long> ByStage,
        IReadOnlyDictionary<string, long> ByAssignee, IReadOnlyDictionary<string, long> ByOffice);

    internal static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/cases/overdue", HandleAsync).WithTags("Cases").RequireAuthorization(StaffPolicies.OverdueDashboard);

    private static async Task<Ok<OverdueDashboard>> HandleAsync(IDocumentStore store, IStaffAccounts accounts, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(await QueryAsync(store, accounts, time, cancellationToken));

    /// <summary>Today's counts, for the API and the workbench's dashboard alike.</summary>
    internal static async Task<OverdueDashboard> QueryAsync(IDocumentStore store, IStaffAccounts accounts, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = WorkingCalendar.DateInChina(time.GetUtcNow());
        await using var session = store.QuerySession();
        // The overdue are few next to the whole list: their stage and assignees are read once and counted here.
        var overdue = await session.Query<CaseListItem>().Where(item => item.NextDeadline < today)
            .Select(item => new { item.Stage, item.Assignees }).ToListAsync(cancellationToken);
        var offices = (await accounts.ListAsync(cancellationToken)).ToDictionary(account => account.Username, account => account.Organization, StringComparer.Ordinal);

        var byStage = Count(overdue.Select(item => new[] { item.Stage }));
        var byAssignee = Count(overdue.Select(item => item.Assignees.Distinct(StringComparer.Ordinal)));
        var byOffice = Count(overdue.Select(item => item.Assignees.Select(name => offices.GetValueOrDefault(name, "")).Where(office => office.Length > 0).Distinct(StringComparer.Ordinal)));
        var unassigned = overdue.Count(item => item.Assignees.Length == 0);
        return new OverdueDashboard(today, overdue.Count, unassigned, byStage, byAssignee, byOffice);
    }

    private static SortedDictionary<string, long> Count(IEnumerable<IEnumerable<string>> keysPerCase)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var keys in keysPerCase)
            foreach (var key in keys)
                counts[key] = counts.GetValueOrDefault(key) + 1;
        return counts;
    }
}
