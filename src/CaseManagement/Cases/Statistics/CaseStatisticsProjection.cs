using Reporting.CaseManagement.Cases.Deadlines;
using Reporting.CaseManagement.Cases.HandlingProtectionRequest;
using JasperFx.Events.Projections;
using JasperFx.Events;
using Marten.Events.Projections;
using Marten.Events.Aggregation;
using Reporting.Intake.Contracts;
using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Cases.Statistics;

/// <summary>
/// Monthly counters, fed by the daemon from every case stream (Async): statistics may lag the cases by a moment, and
/// computing them never slows an action down. Each event counts in the month, China time, in which it happened.
/// </summary>
public sealed class CaseStatisticsProjection : MultiStreamProjection<CaseStatistics, string>
{
    public CaseStatisticsProjection() =>
        Identities<object>(@event => CountersOf(@event) is { Count: > 0 } && TimeOf(@event) is { } at ? [Month(at)] : []);

    public override CaseStatistics? Evolve(CaseStatistics? snapshot, string id, IEvent @event)
    {
        var counters = CountersOf(@event.Data);
        if (counters.Count == 0)
            return snapshot;
        snapshot ??= new CaseStatistics { Id = id };
        foreach (var counter in counters)
            snapshot.Add(counter);
        return snapshot;
    }

    public static string Month(DateTimeOffset at) => WorkingCalendar.DateInChina(at).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTimeOffset? TimeOf(object @event) => @event switch
    {
        ReportSubmitted submitted => submitted.ReceivedAt,
        ProtectionRequested requested => requested.ReceivedAt,
        _ => @event.GetType().GetProperty("At")?.GetValue(@event) as DateTimeOffset?,
    };

    /// <summary>The counters an event adds one to; most events count for nothing.</summary>
    public static IReadOnlyList<string> CountersOf(object @event) => @event switch
    {
        ReportSubmitted submitted => submitted.Identity is null ? [CaseCounter.Received, "received:anonymous"] : [CaseCounter.Received, "received:real-name"],
        CaseRegistered registered => ["registered", $"channel:{registered.Channel}", .. registered.Categories.Select(category => $"category:{category}")],
        CaseAccepted => [CaseCounter.Accepted],
        MarkedDuplicate => ["routed:duplicate"],
        FiledNoSubstance => ["routed:no-substance"],
        CaseEscalated => ["routed:escalated"],
        ReportBypassed => ["routed:bypassed"],
        CaseTransferred transferred => transferred.Supervised ? ["routed:transferred", "routed:transferred-supervised"] : ["routed:transferred"],
        CaseDeclined declined => ["routed:declined", $"declined:{declined.Ground}"],
        InquiryOpened => [CaseCounter.TalkInquiry],
        VerificationOpened => [CaseCounter.PreliminaryVerification],
        CaseParked => [CaseCounter.Parked],
        CaseReopened => ["reopened"],
        CaseFiled => [CaseCounter.Filed],
        CaseConcluded concluded => [$"concluded:{concluded.Outcome}"],
        DecisionMade decision => [CaseCounter.Decided, .. decision.Sanctions.Select(sanction => CaseCounter.Sanction(sanction.Kind, sanction.Type))],
        CaseClosed => ["closed"],
        AppealLodged appeal => [$"appeal:{appeal.Kind}"],
        AppealDecided appeal => [$"appeal-decided:{appeal.Outcome}"],
        NameCleared => [CaseCounter.NameCleared],
        FalseAccusationRecorded => ["false-accusation"],
        ProtectionRequested => ["protection-requested"],
        ProtectionRequestHandled => ["protection-handled"],
        _ => [],
    };
}
