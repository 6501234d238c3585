using Reporting.CaseManagement.Contracts;

namespace Reporting.Disclosure.Tests.Statistics;

/// <summary>A year of monthly counters as a small commission might have them: hundreds of reports, a handful of sanctions of each kind.</summary>
internal static class YearCounts
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Draw(Random random, int year)
    {
        var ranges = new Dictionary<string, (int Low, int High)>
        {
            [CaseCounter.Received] = (40, 120),
            [CaseCounter.Accepted] = (30, 90),
            [CaseCounter.TalkInquiry] = (5, 20),
            [CaseCounter.PreliminaryVerification] = (3, 10),
            [CaseCounter.Parked] = (0, 5),
            [CaseCounter.ClosedWithoutAction] = (2, 10),
            [CaseCounter.Filed] = (1, 8),
            [CaseCounter.Decided] = (1, 6),
            [CaseCounter.NameCleared] = (0, 2),
        };
        foreach (var type in PartySanction.All)
            ranges[CaseCounter.Sanction(SanctionKind.Party, type)] = type == PartySanction.Warning ? (0, 6) : (0, 2);
        foreach (var type in AdministrativeSanction.PeriodMonths.Keys)
            ranges[CaseCounter.Sanction(SanctionKind.Administrative, type)] = (0, 2);
        foreach (var type in OtherDisposition.All)
            ranges[CaseCounter.Sanction(SanctionKind.Other, type)] = type == OtherDisposition.Reminder ? (2, 8) : (0, 3);
        return Enumerable.Range(1, 12).ToDictionary(
            month => $"{year:D4}-{month:D2}",
            _ => (IReadOnlyDictionary<string, int>)ranges.ToDictionary(range => range.Key, range => random.Next(range.Value.Low, range.Value.High + 1)));
    }
}
