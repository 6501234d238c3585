using System.Text.Json;
using Reporting.Intake.Messages.Sending;
using Reporting.Intake.Receipts;
using Reporting.Intake.Reports.Submitting;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Protection.Requesting;

/// <summary>
/// <c>POST /api/intake/protection-requests</c>: the informant asks for protection against retaliation, saying what
/// they fear or have suffered. The same limits as a message; 201, or the one 404 for any unknown receipt.
/// </summary>
internal static class RequestProtectionEndpoint
{
    public static async Task<IResult> Handle(HttpRequest request, IProtectionRequests protection, IOfficeSealingKeyProvider sealingKeys, CancellationToken cancellationToken)
    {
        var bytes = await BoundedBody.ReadAsync(request, 256 * 1024, cancellationToken);
        if (bytes is null)
            return TypedResults.Problem(title: "The request is larger than the limit.", statusCode: StatusCodes.Status413PayloadTooLarge);
        ProtectionRequest? asked;
        try
        {
            asked = JsonSerializer.Deserialize<ProtectionRequest>(bytes, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(ValidationErrors.FromJson(exception));
        }
        finally
        {
            Array.Clear(bytes);
        }
        var parsed = ReceiptCode.Parse(asked?.Receipt);
        if (parsed.Receipt is not { } receipt)
            return ReceiptProblems.Invalid(parsed.Problem);
        if (!SendMessageEndpoint.IsValidBody(asked!.Body))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"between 1 and {SendMessageEndpoint.MaxBody} characters, no control characters"] });
        if (sealingKeys.Current is null)
            return ReceiptProblems.Unavailable();
        return await protection.RequestAsync(receipt, asked.Body!, cancellationToken)
            ? TypedResults.Created()
            : ReceiptProblems.Unknown();
    }
}

/// <summary>The body of <c>POST /api/intake/protection-requests</c>.</summary>
public sealed record ProtectionRequest(string? Receipt, string? Body);
