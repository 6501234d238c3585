namespace Reporting.CaseManagement.Staff.Audit;

/// <summary>
/// One line of the audit trail: who did or read what, when, and how it ended. Never case content, never a network
/// address, never a secret: <paramref name="Detail"/> holds ids and reasons only.
/// </summary>
public sealed record AuditEntry(
    Guid Id,
    DateTimeOffset At,
    string? Username,
    string Action,
    Guid? CaseId,
    string Outcome,
    string? Detail);

public static class AuditOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Refused = "refused";
}

public static class AuditActions
{
    public const string Login = "login";
    public const string CaseRead = "case-read";

    /// <summary>A page of the case list, whose titles are opened for the reader.</summary>
    public const string CaseList = "case-list";
    public const string AttachmentDownload = "attachment-download";

    /// <summary>A real-name informant's identity was opened for the reader, on top of the case read that showed it.</summary>
    public const string IdentityRead = "identity-read";

    /// <summary>A publisher read a case's notice-safe facts to draft a notice from them.</summary>
    public const string NoticeFactsRead = "notice-facts-read";
    public const string AuditRead = "audit-read";

    /// <summary>Every case action is audited under its contract name: <c>case-action:approve</c>.</summary>
    public static string CaseAction(string action) => "case-action:" + action;

    /// <summary>A request refused before reaching any case, named by the policy that refused it.</summary>
    public static string Request(string policy) => "request:" + policy;
}

/// <summary>The event on the day's audit stream, in the hash chain; the entry itself is also kept as a document for queries.</summary>
public sealed record AuditRecorded(AuditEntry Entry);
