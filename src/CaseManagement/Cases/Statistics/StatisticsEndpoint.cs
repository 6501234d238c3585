using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Staff.Authorization;
using Marten;
using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Cases.Statistics;

/// <summary>
/// <c>GET /api/cases/statistics?period=</c>: the office's counters for a month (<c>2026-11</c>), a quarter
/// (<c>2026-Q4</c>) or a year (<c>2026</c>), the current month by default. For staff: exact counts, never a case.
/// </summary>
public static class StatisticsEndpoint
{
    public sealed record StatisticsResponse(string Period, IReadOnlyList<string> Months, IReadOnlyDictionary<string, int> Counts);

    internal static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/cases/statistics", HandleAsync).WithTags("Cases").RequireAuthorization(StaffPolicies.Statistics);

    private static async Task<Results<Ok<StatisticsResponse>, ValidationProblem>> HandleAsync(
        string? period, IDocumentStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var asked = period ?? WorkingCalendar.DateInChina(time.GetUtcNow()).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (StatisticsPeriod.MonthsOf(asked) is not { } months)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = [StatisticsPeriod.Expected] });

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var statistics in (await MonthsAsync(store, months, cancellationToken)).Values)
            foreach (var (counter, count) in statistics)
                counts[counter] = counts.GetValueOrDefault(counter) + count;
        return TypedResults.Ok(new StatisticsResponse(asked, months, counts));
    }

    /// <summary>Each month's counters (<c>yyyy-MM</c>), empty for a month nothing happened in; for the API and the workbench's charts.</summary>
    internal static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>> MonthsAsync(IDocumentStore store, IReadOnlyList<string> months, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var found = (await session.LoadManyAsync<CaseStatistics>(cancellationToken, months)).ToDictionary(statistics => statistics.Id, StringComparer.Ordinal);
        return months.ToDictionary(month => month,
            month => found.TryGetValue(month, out var statistics) ? (IReadOnlyDictionary<string, int>)statistics.Counts : new Dictionary<string, int>(), StringComparer.Ordinal);
    }
}
