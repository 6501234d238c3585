namespace Reporting.CaseManagement.Staff.Authorization;

/// <summary>Reads, from a case's stream, the facts the access checks need. Implemented where the case stream is projected.</summary>
public interface ICaseAccessFacts
{
    /// <summary>The facts of the case, or null when no such case exists.</summary>
    Task<CaseAccessFacts?> LoadAsync(Guid caseId, CancellationToken cancellationToken);
}
