using Reporting.Intake.Receipts;

namespace Reporting.Intake.Reports.Submitting;

/// <summary>
/// Seals a validated report for the office (fresh data key, XChaCha20-Poly1305, data key sealed to the office's X25519
/// key; real-name identity in a second envelope) and appends it as the first event of a new case stream. Returns
/// only after the commit, so that no receipt is ever shown for a report that was not kept.
/// </summary>
public interface IReportFiling
{
    Task<DateTimeOffset> FileAsync(ReceiptCode receipt, Report report, CancellationToken cancellationToken);
}
