using Reporting.Testing;

namespace Reporting.CaseManagement.Tests.Http;

/// <summary>
/// Several cases walked at once by the same seeded staff, as a busy office works: the shared streams (the year's case
/// numbers, the day's audit stream) race, and every action still succeeds, decided again on what the winner wrote,
/// instead of failing with a 500.
/// </summary>
public sealed class ConcurrentWalksOverHttpTests(CaseHost host) : IClassFixture<CaseHost>
{
    [Fact]
    public async Task Four_cases_walked_to_a_closed_decision_at_once_all_arrive_with_numbers_of_their_own()
    {
        var cases = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.ClosedDecidedCaseAsync()));

        var details = await Task.WhenAll(cases.Select(walked => host.DetailAsync(walked.CaseId)));
        Assert.All(details, detail => Assert.Equal("closed", detail.Stage()));
        Assert.Equal(4, details.Select(detail => detail.GetProperty("caseNumber").GetString()).Distinct().Count());
    }
}
