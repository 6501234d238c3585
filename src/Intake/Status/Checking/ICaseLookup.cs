using Reporting.Intake.Receipts;

namespace Reporting.Intake.Status.Checking;

/// <summary>
/// Finds a case from a receipt (through its HKDF lookup id) and reads back what the informant may know: the stage,
/// the outcome, and the conversation, the office's side opened with the mailbox key derived from the receipt.
/// </summary>
public interface ICaseLookup
{
    /// <summary>Null for any receipt that leads to no case, in the same time whatever the reason.</summary>
    Task<InformantView?> FindAsync(ReceiptCode receipt, CancellationToken cancellationToken);
}

/// <summary>The informant's view of a case: the contract's status answer.</summary>
public sealed record InformantView(string Stage, DateTimeOffset UpdatedAt, string? Feedback, IReadOnlyList<ThreadMessage> Messages);

/// <param name="From">"office" or "informant".</param>
public sealed record ThreadMessage(string From, DateTimeOffset SentAt, string Body);
