namespace Reporting.CaseManagement.Contracts;

/// <summary>The staff audit trail, for what other modules' staff routes do: who did what, when, how it ended.</summary>
public interface IStaffAudit
{
    /// <param name="outcome">"succeeded", "failed" or "refused".</param>
    /// <param name="detail">Ids and reasons only: never content, never a network address.</param>
    Task RecordAsync(string username, string action, Guid? caseId, string outcome, string? detail, CancellationToken cancellationToken);
}
