using System.Security.Cryptography;
using System.Text;
using Marten;
using Reporting.Storage.Confinement;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Status.Checking;

/// <summary>
/// Reads the case stream the receipt leads to and folds what the informant may see. Every receipt costs the same
/// derivation and the same one query, found or not; what differs is only the work on a case that exists.
/// </summary>
internal sealed class CaseStreamLookup(StreamConfinedSessions sessions) : ICaseLookup
{
    public async Task<InformantView?> FindAsync(ReceiptCode receipt, CancellationToken cancellationToken)
    {
        var caseId = ReceiptKeys.CaseId(receipt);
        var lookupId = Encoding.ASCII.GetBytes(ReceiptKeys.LookupId(receipt));
        await using var confined = await sessions.QuerySessionAsync(caseId, cancellationToken);
        var events = await confined.Session.Events.FetchStreamAsync(caseId, token: cancellationToken);
        if (events.Count == 0 || events[0].Data is not ReportSubmitted submitted
            || !CryptographicOperations.FixedTimeEquals(lookupId, Encoding.ASCII.GetBytes(submitted.ReceiptLookupId)))
            return null;

        using var mailbox = Mailbox.For(receipt);
        var stage = InformantStages.Received;
        var updatedAt = submitted.ReceivedAt;
        string? feedback = null;
        var messages = new List<ThreadMessage>();
        foreach (var @event in events.Skip(1))
        {
            switch (@event.Data)
            {
                case InformantStageChanged changed:
                    stage = changed.Stage;
                    updatedAt = changed.ChangedAt;
                    break;
                case OfficeMessageSent { IsFeedback: true } outcome:
                    feedback = Opened(mailbox, outcome.SealedToMailbox);
                    updatedAt = outcome.SentAt;
                    break;
                case OfficeMessageSent message when Opened(mailbox, message.SealedToMailbox) is { } body:
                    messages.Add(new ThreadMessage("office", message.SentAt, body));
                    break;
                case InformantMessageReceived { SealedToMailbox: { } copy } own when Opened(mailbox, copy) is { } body:
                    messages.Add(new ThreadMessage("informant", own.ReceivedAt, body));
                    break;
            }
        }
        return new InformantView(stage, updatedAt, feedback, messages);
    }

    private static string? Opened(Mailbox mailbox, byte[] sealedBox) => mailbox.Open(sealedBox) is { } plaintext ? Encoding.UTF8.GetString(plaintext) : null;
}
