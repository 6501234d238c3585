using System.Text;
using Reporting.EventStore;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Messages.Sending;

/// <summary>Seals the informant's message to the office, and a copy to the mailbox, and appends it to the case.</summary>
internal sealed class SealedInformantMessages(IDocumentStore store, IOfficeSealingKeyProvider sealingKeys, TimeProvider clock) : IInformantMessages
{
    public async Task<bool> SendAsync(ReceiptCode receipt, string body, CancellationToken cancellationToken)
    {
        var caseId = ReceiptKeys.CaseId(receipt);
        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(caseId, cancellationToken) is null)
            return false;
        using var mailbox = Mailbox.For(receipt);
        var copy = mailbox.Seal(Encoding.UTF8.GetBytes(body));
        var envelope = Envelopes.Seal(sealingKeys.Required(), caseId, new Dictionary<string, byte[]> { ["body"] = Encoding.UTF8.GetBytes(body) });
        session.Events.Append(caseId, new InformantMessageReceived(Guid.NewGuid(), envelope, Hour.Truncate(clock.GetUtcNow()), copy));
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }
}
