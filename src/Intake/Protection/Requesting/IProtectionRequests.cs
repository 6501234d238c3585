using Reporting.Intake.Receipts;

namespace Reporting.Intake.Protection.Requesting;

/// <summary>
/// Appends the informant's request for protection against retaliation to the case the receipt leads to, sealed to the
/// office key like a message; the case counts it as open and flags it to the approvers until one answers it.
/// </summary>
public interface IProtectionRequests
{
    /// <summary>False for any receipt that leads to no case.</summary>
    Task<bool> RequestAsync(ReceiptCode receipt, string body, CancellationToken cancellationToken);
}
