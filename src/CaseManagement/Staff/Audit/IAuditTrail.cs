namespace Reporting.CaseManagement.Staff.Audit;

/// <summary>The append-only audit stream.</summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries matching every given filter, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(AuditFilter filter, CancellationToken cancellationToken);
}

/// <param name="Outcome">One of <see cref="AuditOutcomes"/>, or null for all.</param>
public sealed record AuditFilter(Guid? CaseId, string? Username, DateTimeOffset? From, DateTimeOffset? To, int Limit, string? Outcome = null);
