using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Staff.Audit;

/// <summary>Other modules' staff actions go on the same audit trail as the case workflow's.</summary>
internal sealed class StaffAuditForModules(IAuditTrail trail, TimeProvider time) : IStaffAudit
{
    public Task RecordAsync(string username, string action, Guid? caseId, string outcome, string? detail, CancellationToken cancellationToken) =>
        trail.RecordAsync(new AuditEntry(Guid.NewGuid(), time.GetUtcNow(), username, action, caseId, outcome, detail), cancellationToken);
}
