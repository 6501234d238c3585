using Reporting.Storage.Shredding;
namespace Reporting.CaseManagement.Cases;

// Registration and the registrar's routing of a report. Text fields are case content: the event store encrypts each
// stream's data under its own key, and projections keep only blind indexes of names.

public sealed record AccusedPerson(string Name, string? Position, string? Organization, string? Rank, string? Region);

/// <param name="AccusesHead">The report accuses this organ's own head: it may only be bypassed to the organ above.</param>
public sealed record CaseRegistered(
    IReadOnlyList<string> Categories,
    Shreddable<IReadOnlyList<AccusedPerson>> Accused,
    Shreddable<string> Summary,
    bool RealName,
    string Channel,
    bool AccusesHead,
    string By,
    DateTimeOffset At);

/// <summary>The case's number (案件编号), given with its registration.</summary>
public sealed record CaseNumbered(string Number, DateTimeOffset At);

public sealed record CaseAccepted(string By, DateTimeOffset At);

public sealed record MarkedDuplicate(Guid OfCaseId, string By, DateTimeOffset At);

public sealed record FiledNoSubstance(Shreddable<string> Reason, string By, DateTimeOffset At);

/// <param name="Late">Escalated after the 5 working days the rules allow from receipt.</param>
public sealed record CaseEscalated(Shreddable<string> Reason, DateOnly Due, bool Late, string By, DateTimeOffset At);

/// <summary>The report accused this organ's head and went straight up; nothing of it stays readable here but this record.</summary>
public sealed record ReportBypassed(string ToOrganization, string By, DateTimeOffset At);

/// <param name="Supervised">The upper organ supervises (督办) the lower organ's handling.</param>
public sealed record CaseTransferred(string ToOrganization, Shreddable<string> Reason, bool Supervised, string By, DateTimeOffset At);

/// <param name="Response">"accepted" or "re-routed", as the lower organ answered.</param>
public sealed record TransferResponseRecorded(string Response, Shreddable<string> Note, string By, DateTimeOffset At);

/// <param name="Ground">"litigation", "arbitration", "other-agency" or "outside-scope".</param>
public sealed record CaseDeclined(string Ground, Shreddable<string> Reason, string By, DateTimeOffset At);
