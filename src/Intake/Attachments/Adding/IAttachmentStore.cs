using Reporting.Intake.Attachments.Cleaning;
using Reporting.Intake.Receipts;

namespace Reporting.Intake.Attachments.Adding;

/// <summary>
/// Encrypts a cleaned file in chunks (XChaCha20-Poly1305 secretstream) under a fresh key sealed to the office, keeps it,
/// and appends <c>AttachmentReceived</c> to the case the receipt leads to.
/// </summary>
public interface IAttachmentStore
{
    Task<AttachmentResult> AddAsync(ReceiptCode receipt, string fileName, CleanedAttachment file, CancellationToken cancellationToken);
}

public enum AttachmentOutcome
{
    Kept,
    UnknownReceipt,
    ReportLimitReached,
}

public sealed record AttachmentResult(AttachmentOutcome Outcome, Guid AttachmentId);
