using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Reporting.Intake.Flood;
using Reporting.Intake.Receipts;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Reports.Submitting;

/// <summary><c>POST /api/intake/reports</c>: the report, checked, sealed and kept before a receipt is given.</summary>
internal static class SubmitReportEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Created<ReportReceipt>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpRequest request,
        IValidator<Report> validator,
        ProofOfWork proofOfWork,
        GlobalTokenBucket bucket,
        IReportFiling filing,
        IOfficeSealingKeyProvider sealingKeys,
        IOptions<IntakeOptions> options,
        Telemetry.IntakeMetrics metrics,
        CancellationToken cancellationToken)
    {
        var (submission, tooLarge, malformed) = await BoundedBody.ReadJsonAsync<SubmitReportRequest>(request, options.Value.Limits.MaxReportBodyBytes, Json, cancellationToken);
        if (tooLarge)
            return TypedResults.Problem(title: "The report is larger than the limit.", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (malformed is not null)
            return TypedResults.ValidationProblem(malformed);
        if (submission?.Report is not { } report)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["report"] = ["required"] });

        var validation = await validator.ValidateAsync(report, cancellationToken);
        if (!validation.IsValid)
            return TypedResults.ValidationProblem(ValidationErrors.ByField(validation.Errors, "report"));

        // The proof of work is checked in memory before the flood budget is spent, and spent (a database write) after:
        // a flood that pays nothing spends nothing of what real informants share.
        var challenge = submission.ProofOfWork?.Challenge;
        var expiresAt = proofOfWork.Difficulty == 0 ? DateTimeOffset.MaxValue : proofOfWork.Verify(challenge, submission.ProofOfWork?.Nonce);
        if (expiresAt is null)
            return BadProofOfWork();
        if (!bucket.TryTake())
            return FloodFilter.Refusal(request.HttpContext);
        if (proofOfWork.Difficulty != 0 && !await proofOfWork.TrySpendAsync(challenge!, expiresAt.Value, cancellationToken))
            return BadProofOfWork();

        // Without a way to seal for the office this host must keep nothing rather than keep plaintext.
        if (sealingKeys.Current is null)
            return TypedResults.Problem(title: "Reports cannot be accepted at the moment.", statusCode: StatusCodes.Status503ServiceUnavailable);

        var receipt = ReceiptCode.Generate();
        var receivedAt = await filing.FileAsync(receipt, report, cancellationToken);
        metrics.Submitted("api");
        return TypedResults.Created((string?)null, new ReportReceipt(receipt.Display, receivedAt));
    }

    private static ProblemHttpResult BadProofOfWork() =>
        TypedResults.Problem(title: "The proof of work is missing, wrong, expired or used before.", statusCode: StatusCodes.Status403Forbidden);
}

/// <summary>The answer to a kept report: the receipt, shown once, and the hour it was received.</summary>
public sealed record ReportReceipt(string Receipt, DateTimeOffset ReceivedAt);
