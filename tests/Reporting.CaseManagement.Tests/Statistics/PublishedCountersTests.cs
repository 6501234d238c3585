using Reporting.CaseManagement.Cases;
using Reporting.CaseManagement.Cases.Statistics;
using Reporting.CaseManagement.Contracts;
using Reporting.Storage.Shredding;

namespace Reporting.CaseManagement.Tests.Statistics;

/// <summary>The counters other modules read by the names in <see cref="CaseCounter"/> are the ones the projection keeps.</summary>
public sealed class PublishedCountersTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 5, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<object, string> EventsAndCounters() => new()
    {
        { new CaseAccepted("registrar1", At), CaseCounter.Accepted },
        { new InquiryOpened(1, At), CaseCounter.TalkInquiry },
        { new VerificationOpened(At), CaseCounter.PreliminaryVerification },
        { new CaseParked(new Shreddable<string>("待查"), At), CaseCounter.Parked },
        { new CaseConcluded(ConclusionOutcome.NoAction, new Shreddable<string>("了结"), false, At), CaseCounter.ClosedWithoutAction },
        { new CaseFiled(At), CaseCounter.Filed },
        { new DecisionMade([new Sanction(SanctionKind.Administrative, AdministrativeSanction.Demerit, 12)], At), CaseCounter.Decided },
        { new DecisionMade([new Sanction(SanctionKind.Administrative, AdministrativeSanction.Demerit, 12)], At), CaseCounter.Sanction(SanctionKind.Administrative, AdministrativeSanction.Demerit) },
        { new NameCleared(new Shreddable<string>("澄清"), At), CaseCounter.NameCleared },
    };

    [Theory]
    [MemberData(nameof(EventsAndCounters))]
    public void Each_event_adds_to_the_counter_of_its_contract_name(object @event, string counter) =>
        Assert.Contains(counter, CaseStatisticsProjection.CountersOf(@event));
}
