using System.Text;
using Reporting.Storage.Confinement;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Protection.Requesting;

/// <summary>Seals the informant's request for protection to the office and appends it to the case.</summary>
internal sealed class SealedProtectionRequests(StreamConfinedSessions sessions, IOfficeSealingKeyProvider sealingKeys, TimeProvider clock) : IProtectionRequests
{
    public Task<bool> RequestAsync(ReceiptCode receipt, string body, CancellationToken cancellationToken) =>
        InformantCase.AppendAsync(sessions, receipt, caseId => new ProtectionRequested(
            Envelopes.Seal(sealingKeys.Required(), caseId, new Dictionary<string, byte[]> { [ProtectionRequested.BodyField] = Encoding.UTF8.GetBytes(body) }),
            Hour.Truncate(clock.GetUtcNow())), cancellationToken);
}
