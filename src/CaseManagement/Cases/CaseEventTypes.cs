using Reporting.CaseManagement.Contracts;
using Reporting.Intake.Contracts;

namespace Reporting.CaseManagement.Cases;

/// <summary>
/// Every event type a case stream holds, and the case-number counters' one. The event store reads back only the types
/// registered with it, so the module registers these at start-up: a host that serves cases alone, without Intake,
/// still reads Intake's events.
/// </summary>
public static class CaseEventTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(ReportSubmitted),
        .. CaseState.AppliedEventTypes,
        typeof(OfficeMessageSent),
        typeof(OfficeMessageWritten),
        typeof(CaseClosedWithDecision),
        typeof(Registering.CaseNumberIssued),
    ];
}
