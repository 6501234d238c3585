namespace Reporting.Intake.Contracts;

// The events of the informant's side of a case stream. Intake appends the first three; CaseManagement appends the
// rest, which are everything the informant may learn of the case (read back with the receipt on the status page).
// Times the informant causes are kept to the hour, so that no stored time pins down when an informant acted.

/// <summary>The first event of every case stream.</summary>
/// <param name="ReceiptLookupId">HKDF(receipt, "lookup"), base64url: finds the case from a receipt; reveals nothing of it.</param>
/// <param name="MailboxPublicKey">X25519 public key derived from the receipt: office replies are sealed to it, so only the receipt holder reads them.</param>
/// <param name="Report">Fields "title" and "report" (the whole report as JSON).</param>
/// <param name="Identity">Field "identity" under its own data key, only for real-name reports.</param>
public sealed record ReportSubmitted(
    Guid CaseId,
    string ReceiptLookupId,
    byte[] MailboxPublicKey,
    SealedEnvelope Report,
    SealedEnvelope? Identity,
    string Language,
    DateTimeOffset ReceivedAt);

/// <summary>A message from the informant, sealed to the office.</summary>
/// <param name="Message">Field "body".</param>
/// <param name="SealedToMailbox">The same text sealed to the informant's mailbox key, so that the thread shows it back to the receipt holder.</param>
public sealed record InformantMessageReceived(Guid MessageId, SealedEnvelope Message, DateTimeOffset ReceivedAt, byte[]? SealedToMailbox = null);

/// <summary>A file added by the informant, metadata removed, encrypted in chunks (secretstream) under its own key.</summary>
/// <param name="Envelope">Fields "fileName" and "contentType", and the file's stream key as field "streamKey".</param>
/// <param name="RemovedMetadata">What identifying metadata was removed, as told to the informant.</param>
public sealed record AttachmentReceived(Guid AttachmentId, SealedEnvelope Envelope, long Size, IReadOnlyList<string> RemovedMetadata, DateTimeOffset ReceivedAt);

/// <summary>The informant asked for protection against retaliation; flagged to the approvers.</summary>
/// <param name="Request">Field "body": what the informant fears or has suffered, in their words.</param>
public sealed record ProtectionRequested(SealedEnvelope Request, DateTimeOffset ReceivedAt)
{
    public const string BodyField = "body";
}

/// <summary>The stage the informant sees changed. Stages are those of the HTTP contract (<see cref="InformantStages"/>).</summary>
public sealed record InformantStageChanged(string Stage, DateTimeOffset ChangedAt);

/// <summary>A message or the outcome from the office, sealed (an HPKE envelope, <see cref="SealingInfo.Mailbox"/>) to the informant's mailbox key.</summary>
/// <param name="IsFeedback">True for the outcome given at closure, shown apart from the conversation.</param>
public sealed record OfficeMessageSent(Guid MessageId, byte[] SealedToMailbox, bool IsFeedback, DateTimeOffset SentAt);

public static class InformantStages
{
    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string InProgress = "in-progress";
    public const string Concluded = "concluded";
    public const string Transferred = "transferred";
    public const string NotAccepted = "not-accepted";
    public const string FiledAsDuplicate = "filed-as-duplicate";

    public static readonly IReadOnlyList<string> All = [Received, Accepted, InProgress, Concluded, Transferred, NotAccepted, FiledAsDuplicate];
}
