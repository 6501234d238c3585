using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Staff.Authorization;
using Marten;

namespace Reporting.CaseManagement.Cases.Statistics;

/// <summary>
/// <c>GET /api/cases/statistics?period=</c>: the office's counters for a month (<c>2026-11</c>), a quarter
/// (<c>2026-Q4</c>) or a year (<c>2026</c>), the current month by default. For staff: exact counts, never a case.
/// </summary>
internal static partial class StatisticsEndpoint
{
    public sealed record StatisticsResponse(string Period, IReadOnlyList<string> Months, IReadOnlyDictionary<string, int> Counts);

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/cases/statistics", HandleAsync).WithTags("Cases").RequireAuthorization(StaffPolicies.Statistics);

    private static async Task<Results<Ok<StatisticsResponse>, ValidationProblem>> HandleAsync(
        string? period, IDocumentStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var asked = period ?? WorkingCalendar.DateInChina(time.GetUtcNow()).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (MonthsOf(asked) is not { } months)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["period"] = ["a month (2026-11), a quarter (2026-Q4) or a year (2026)"] });

        await using var session = store.QuerySession();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var month in months)
            if (await session.LoadAsync<CaseStatistics>(month, cancellationToken) is { } statistics)
                foreach (var (counter, count) in statistics.Counts)
                    counts[counter] = counts.GetValueOrDefault(counter) + count;
        return TypedResults.Ok(new StatisticsResponse(asked, months, counts));
    }

    public static IReadOnlyList<string>? MonthsOf(string period)
    {
        var match = Period().Match(period);
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        IEnumerable<int> months = match.Groups["month"].Success ? [int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture)]
            : match.Groups["quarter"].Success ? Enumerable.Range((int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture) - 1) * 3 + 1, 3)
            : Enumerable.Range(1, 12);
        return [.. months.Select(month => $"{year:D4}-{month:D2}")];
    }

    [GeneratedRegex("^(?<year>20[0-9]{2})(-(?<month>0[1-9]|1[0-2])|-Q(?<quarter>[1-4]))?$")]
    private static partial Regex Period();
}
