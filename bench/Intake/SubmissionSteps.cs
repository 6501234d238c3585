using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Reporting.Intake.Receipts;
using Reporting.Intake.Reports.Submitting;
using Reporting.Intake.Sealing;
using NSec.Cryptography;

namespace Reporting.Intake.Bench;

/// <summary>
/// What one submission costs in Intake's own code, step by step, on one thread with nothing else of ours running:
/// the median of many rounds after a warm-up. What is left of a submission's time is HTTP, the event store and the
/// database.
/// </summary>
internal static class SubmissionSteps
{
    private const int Rounds = 4000;

    public static IEnumerable<(string Step, double MedianMicroseconds)> Measure(byte[] body)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var validator = new ReportValidator(TimeProvider.System);
        using var officeKeyPair = Key.Create(KeyAgreementAlgorithm.X25519);
        var office = OfficeSealingKey.Create("bench", officeKeyPair.PublicKey);
        var report = JsonSerializer.Deserialize<SubmitReportRequest>(body, json)!.Report!;
        var receipt = ReceiptCode.Generate();

        yield return ("read the JSON body", Median(() => JsonSerializer.Deserialize<SubmitReportRequest>(body, json)));
        yield return ("validate", Median(() => validator.Validate(report)));
        yield return ("draw a receipt", Median(() => ReceiptCode.Generate()));
        yield return ("derive case and lookup ids", Median(() => (ReceiptKeys.CaseId(receipt), ReceiptKeys.LookupId(receipt))));
        yield return ("derive the mailbox public key", Median(() =>
        {
            using var mailbox = Mailbox.For(receipt);
            return mailbox.PublicKey;
        }));
        yield return ("import a data key (guarded memory)", Median(() =>
        {
            using var key = Key.Import(AeadAlgorithm.XChaCha20Poly1305, new byte[32], KeyBlobFormat.RawSymmetricKey);
            return key.Size;
        }));
        yield return ("seal the report for the office", Median(() => Envelopes.Seal(office, Guid.NewGuid(), new Dictionary<string, byte[]>
        {
            ["title"] = Encoding.UTF8.GetBytes(report.Title!),
            ["report"] = JsonSerializer.SerializeToUtf8Bytes(report with { Informant = null }, json),
        })));
    }

    private static double Median<T>(Func<T> step)
    {
        for (var i = 0; i < Rounds / 10; i++)
            step();
        var samples = new double[Rounds];
        for (var i = 0; i < Rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            step();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }
        Array.Sort(samples);
        return samples[Rounds / 2];
    }
}
