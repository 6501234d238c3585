using System.Text.Json;
using Reporting.Intake.Reports.Submitting;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Receipts;

/// <summary>
/// Text an informant writes with their receipt (a message, a request for protection): the same limits, the same
/// answers, and the one 404 for any unknown receipt. What becomes of the text is the caller's <c>deliver</c>.
/// </summary>
internal static class InformantText
{
    public const int MaxBody = 20_000;

    public const int MaxRequestBytes = 256 * 1024;

    public static bool IsValidBody(string? body) =>
        !string.IsNullOrWhiteSpace(body) && body.Length <= MaxBody && TextRules.HasOnlyAllowedCharacters(body);

    /// <summary>The JSON API: <c>{ receipt, body }</c> → 201, or a problem.</summary>
    public static async Task<IResult> HandleAsync(
        HttpRequest request, IOfficeSealingKeyProvider sealingKeys, Func<ReceiptCode, string, CancellationToken, Task<bool>> deliver, CancellationToken cancellationToken)
    {
        var (asked, tooLarge, malformed) = await BoundedBody.ReadJsonAsync<ReceiptAndText>(request, MaxRequestBytes, JsonSerializerOptions.Web, cancellationToken);
        if (tooLarge)
            return TypedResults.Problem(title: "The request is larger than the limit.", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (malformed is not null)
            return TypedResults.ValidationProblem(malformed);
        var parsed = ReceiptCode.Parse(asked?.Receipt);
        if (parsed.Receipt is not { } receipt)
            return ReceiptProblems.Invalid(parsed.Problem);
        if (!IsValidBody(asked!.Body))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"between 1 and {MaxBody} characters, no control characters"] });
        if (sealingKeys.Current is null)
            return ReceiptProblems.Unavailable();
        return await deliver(receipt, asked.Body!, cancellationToken) ? TypedResults.Created() : ReceiptProblems.Unknown();
    }
}

/// <summary>The body of <c>POST /api/intake/messages</c> and <c>POST /api/intake/protection-requests</c>.</summary>
public sealed record ReceiptAndText(string? Receipt, string? Body);
