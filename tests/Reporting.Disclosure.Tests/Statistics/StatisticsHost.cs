using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Contracts;
using Reporting.Testing;

namespace Reporting.Disclosure.Tests.Statistics;

/// <summary>
/// The whole host with cases of a year that has ended (the year before last): in its March, twelve reports, nine
/// accepted, six talk inquiries, two preliminary verifications, one case filed and decided with a serious warning;
/// in its May, seven reports. Nothing else happened that year.
/// </summary>
public sealed class StatisticsHost : ReportingHost
{
    public int Year { get; } = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year - 2;

    public string March => $"{Year}-03";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var march = new DateTimeOffset(Year, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));
        var may = new DateTimeOffset(Year, 5, 20, 9, 0, 0, TimeSpan.FromHours(8));
        await PastCases.RecordAsync(Services, march, 1, at =>
            [new CaseAccepted("registrar1", at), new VerificationOpened(at), new CaseFiled(at), new DecisionMade([new Sanction(SanctionKind.Party, PartySanction.SeriousWarning, null)], at)]);
        await PastCases.RecordAsync(Services, march, 1, at => [new CaseAccepted("registrar1", at), new VerificationOpened(at)]);
        await PastCases.RecordAsync(Services, march, 6, at => [new CaseAccepted("registrar1", at), new InquiryOpened(1, at)]);
        await PastCases.RecordAsync(Services, march, 1, at => [new CaseAccepted("registrar1", at)]);
        await PastCases.RecordAsync(Services, march, 3, _ => []);
        await PastCases.RecordAsync(Services, may, 7, _ => []);
        await PastCases.WaitForCountAsync(Services, March, CaseCounter.Received, 12);
        await PastCases.WaitForCountAsync(Services, March, CaseCounter.Decided, 1);
        await PastCases.WaitForCountAsync(Services, $"{Year}-05", CaseCounter.Received, 7);
    }
}
