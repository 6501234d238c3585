using System.Text;
using Reporting.Storage.Confinement;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Messages.Sending;

/// <summary>Seals the informant's message to the office, and a copy to the mailbox, and appends it to the case.</summary>
internal sealed class SealedInformantMessages(StreamConfinedSessions sessions, IOfficeSealingKeyProvider sealingKeys, TimeProvider clock) : IInformantMessages
{
    public Task<bool> SendAsync(ReceiptCode receipt, string body, CancellationToken cancellationToken) =>
        InformantCase.AppendAsync(sessions, receipt, caseId =>
        {
            using var mailbox = Mailbox.For(receipt);
            var copy = mailbox.Seal(Encoding.UTF8.GetBytes(body));
            var envelope = Envelopes.Seal(sealingKeys.Required(), caseId, new Dictionary<string, byte[]> { ["body"] = Encoding.UTF8.GetBytes(body) });
            return new InformantMessageReceived(Guid.NewGuid(), envelope, Hour.Truncate(clock.GetUtcNow()), copy);
        }, cancellationToken);
}
