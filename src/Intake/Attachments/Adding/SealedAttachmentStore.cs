using System.Security.Cryptography;
using Reporting.Cryptography.SecretStreams;
using System.Text;
using Microsoft.Extensions.Options;
using Marten;
using Reporting.Storage.Confinement;
using Reporting.Intake.Attachments.Cleaning;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Attachments.Adding;

/// <summary>
/// Writes the cleaned file straight through a secretstream encryptor into its file (ciphertext is all that ever
/// touches the disk, readable by the service's user only, dated to the hour), then records it on the case with its
/// stream key sealed to the office. A file whose event cannot be committed is deleted.
/// </summary>
internal sealed class SealedAttachmentStore(StreamConfinedSessions sessions, IOfficeSealingKeyProvider sealingKeys, TimeProvider clock, IOptions<IntakeOptions> options) : IAttachmentStore
{
    public async Task<AttachmentResult> AddAsync(ReceiptCode receipt, string fileName, CleanedAttachment file, CancellationToken cancellationToken)
    {
        var caseId = ReceiptKeys.CaseId(receipt);
        await using var confined = await sessions.LightweightSessionAsync([caseId], cancellationToken);
        var session = confined.Session;
        var events = await session.Events.FetchStreamAsync(caseId, token: cancellationToken);
        if (events.Count == 0)
            return new AttachmentResult(AttachmentOutcome.UnknownReceipt, Guid.Empty);
        var kept = events.Select(@event => @event.Data).OfType<AttachmentReceived>().Sum(attachment => attachment.Size);
        if (kept + file.Bytes.LongLength > options.Value.Limits.MaxAttachmentBytesPerReport)
            return new AttachmentResult(AttachmentOutcome.ReportLimitReached, Guid.Empty);

        var attachmentId = Guid.NewGuid();
        var receivedAt = Hour.Truncate(clock.GetUtcNow());
        var streamKey = RandomNumberGenerator.GetBytes(SecretStream.KeySize);
        var path = PathOf(attachmentId);
        try
        {
            // Group-readable, under the process's umask: the staff's host reads the folder as its group (docs/operations.md).
            // The file is ciphertext; its stream key is sealed to the office inside the event.
            await using (var output = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead }))
            {
                await using var encryptor = SecretStream.CreateWriter(output, streamKey, leaveOpen: true);
                await encryptor.WriteAsync(file.Bytes, cancellationToken);
            }
            File.SetLastWriteTimeUtc(path, receivedAt.UtcDateTime);
            File.SetLastAccessTimeUtc(path, receivedAt.UtcDateTime);

            var envelope = Envelopes.Seal(sealingKeys.Required(), caseId, new Dictionary<string, byte[]>
            {
                ["fileName"] = Encoding.UTF8.GetBytes(fileName),
                ["contentType"] = Encoding.UTF8.GetBytes(file.ContentType),
                ["streamKey"] = streamKey,
            });
            await session.Events.AppendExclusive(caseId, cancellationToken, new AttachmentReceived(attachmentId, envelope, file.Bytes.LongLength, file.Removed, receivedAt));
            await session.SaveChangesAsync(cancellationToken);
            return new AttachmentResult(AttachmentOutcome.Kept, attachmentId);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(streamKey);
        }
    }

    private string PathOf(Guid attachmentId)
    {
        var directory = Path.GetFullPath(options.Value.Limits.AttachmentDirectory);
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        return AttachmentFiles.PathOf(directory, attachmentId);
    }
}
