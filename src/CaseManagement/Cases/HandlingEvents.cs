using Reporting.Storage.Shredding;
using Reporting.CaseManagement.Contracts;

namespace Reporting.CaseManagement.Cases;

// The handling of an accepted case: who works on it, what they found, and how the approved proposals were carried out.

/// <summary>The case's assignees are now exactly these users.</summary>
public sealed record StaffAssigned(IReadOnlyList<string> Usernames, string By, DateTimeOffset At);

/// <summary>
/// The office's own copy of a message to the informant, and who wrote it. The informant's copy
/// (<c>OfficeMessageSent</c>) is sealed to their mailbox alone; this one, under the case's key like all staff text, keeps
/// the thread whole for whoever handles the case next.
/// </summary>
public sealed record OfficeMessageWritten(Guid MessageId, Shreddable<string> Body, string By, DateTimeOffset At);

/// <summary>A user stepped aside (回避); they can do nothing more on the case.</summary>
public sealed record StaffRecused(string Username, Shreddable<string> Reason, DateTimeOffset At);

public sealed record InquiryOpened(int Round, DateTimeOffset At);

public sealed record InquiryReplyRecorded(Shreddable<string> Summary, string By, DateTimeOffset At);

/// <param name="Outcome">One of <see cref="InquiryOutcome"/>.</param>
public sealed record InquiryOutcomeRecorded(string Outcome, Shreddable<string> Note, string By, DateTimeOffset At);

public static class InquiryOutcome
{
    public const string Cleared = "cleared";
    public const string Reminder = "reminder";
    public const string Criticism = "criticism";
    public const string AnotherInquiry = "another-inquiry";
    public const string Verification = "verification";

    public static readonly IReadOnlyList<string> All = [Cleared, Reminder, Criticism, AnotherInquiry, Verification];
}

public sealed record VerificationOpened(DateTimeOffset At);

/// <param name="Team">The verification team when the report was submitted: every one of them must sign it.</param>
public sealed record VerificationReportSubmitted(Shreddable<string> Findings, string Recommendation, IReadOnlyList<string> Team, string By, DateTimeOffset At);

public sealed record VerificationReportSigned(string By, DateTimeOffset At);

public sealed record CaseParked(Shreddable<string> Reason, DateTimeOffset At);

public sealed record CaseReopened(Shreddable<string> NewEvidence, string By, DateTimeOffset At);

public sealed record CaseFiled(DateTimeOffset At);

public sealed record InvestigationReportSubmitted(Shreddable<string> Findings, IReadOnlyList<string> Team, string By, DateTimeOffset At);

/// <param name="SubjectDeclined">The subject chose to make no defence; recorded so that review can go on.</param>
public sealed record DefenceRecorded(Shreddable<string> Statement, bool SubjectDeclined, string By, DateTimeOffset At);

public sealed record ReviewReportSubmitted(Shreddable<string> Findings, IReadOnlyList<Sanction> ProposedSanctions, string By, DateTimeOffset At);
