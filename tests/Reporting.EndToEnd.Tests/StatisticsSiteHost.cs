using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Contracts;
using Reporting.Testing;

namespace Reporting.EndToEnd.Tests;

/// <summary>The real host with a handful of cases in the March of the year before last, so that the statistics page has a year to show.</summary>
public sealed class StatisticsSiteHost : ReportingHost
{
    public int Year { get; } = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year - 2;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var march = new DateTimeOffset(Year, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));
        await PastCases.RecordAsync(Services, march, 8, at => [new CaseAccepted("registrar1", at), new InquiryOpened(1, at)]);
        await PastCases.RecordAsync(Services, march, 4, at => [new CaseAccepted("registrar1", at)]);
        await PastCases.WaitForCountAsync(Services, $"{Year}-03", CaseCounter.Accepted, 12);
    }
}
