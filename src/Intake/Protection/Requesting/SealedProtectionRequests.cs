using System.Text;
using Reporting.EventStore;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Protection.Requesting;

internal sealed class SealedProtectionRequests(IDocumentStore store, IOfficeSealingKeyProvider sealingKeys, TimeProvider clock) : IProtectionRequests
{
    public async Task<bool> RequestAsync(ReceiptCode receipt, string body, CancellationToken cancellationToken)
    {
        var caseId = ReceiptKeys.CaseId(receipt);
        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(caseId, cancellationToken) is null)
            return false;
        var envelope = Envelopes.Seal(sealingKeys.Required(), caseId, new Dictionary<string, byte[]> { [ProtectionRequested.BodyField] = Encoding.UTF8.GetBytes(body) });
        session.Events.Append(caseId, new ProtectionRequested(envelope, Hour.Truncate(clock.GetUtcNow())));
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }
}
