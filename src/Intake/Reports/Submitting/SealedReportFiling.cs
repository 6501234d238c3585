using System.Text;
using System.Text.Json;
using Reporting.Intake.Contracts;
using Reporting.Intake.Receipts;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Reports.Submitting;

/// <summary>
/// Seals the report (and, apart, a real-name informant's identity) and starts the case stream with it, in one commit
/// that it may share with other reports (<see cref="ReportCommitQueue"/>).
/// The stream id is derived from the receipt, so that the receipt finds the case with no index table at all.
/// </summary>
internal sealed class SealedReportFiling(ReportCommitQueue commits, IOfficeSealingKeyProvider sealingKeys, TimeProvider clock) : IReportFiling
{
    /// <summary>Sealed JSON is never put into a page, so it keeps Chinese text as UTF-8 rather than six-byte escapes.</summary>
    private static readonly JsonSerializerOptions SealedJson = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<DateTimeOffset> FileAsync(ReceiptCode receipt, Report report, CancellationToken cancellationToken)
    {
        var caseId = ReceiptKeys.CaseId(receipt);
        var receivedAt = Hour.Truncate(clock.GetUtcNow());
        using var mailbox = Mailbox.For(receipt);

        var content = Envelopes.Seal(sealingKeys.Required(), caseId, new Dictionary<string, byte[]>
        {
            ["title"] = Encoding.UTF8.GetBytes(report.Title ?? ""),
            ["report"] = JsonSerializer.SerializeToUtf8Bytes(report with { Informant = null }, SealedJson),
        });
        var identity = report.Informant is { } informant
            ? Envelopes.Seal(sealingKeys.Required(), caseId, new Dictionary<string, byte[]> { ["identity"] = JsonSerializer.SerializeToUtf8Bytes(informant, SealedJson) })
            : null;

        var submitted = new ReportSubmitted(caseId, ReceiptKeys.LookupId(receipt), mailbox.PublicKey, content, identity, report.Language ?? "zh-CN", receivedAt);
        // Sealed here, on the request's own thread; only the commit is shared with the reports arriving meanwhile.
        await commits.CommitAsync(caseId, submitted, cancellationToken);
        return receivedAt;
    }
}
