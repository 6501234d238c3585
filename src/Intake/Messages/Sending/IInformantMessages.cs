using Reporting.Intake.Receipts;

namespace Reporting.Intake.Messages.Sending;

/// <summary>
/// Appends the informant's message to the case the receipt leads to: sealed to the office key, with a copy sealed to
/// the informant's own mailbox key so that the thread can show it back to the receipt holder.
/// </summary>
public interface IInformantMessages
{
    /// <summary>False for any receipt that leads to no case.</summary>
    Task<bool> SendAsync(ReceiptCode receipt, string body, CancellationToken cancellationToken);
}
