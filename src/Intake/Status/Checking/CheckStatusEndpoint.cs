using System.Text.Json;
using Reporting.Intake.Receipts;
using Reporting.Intake.Reports.Submitting;

namespace Reporting.Intake.Status.Checking;

/// <summary><c>POST /api/intake/status</c>: the informant's view of the case the receipt leads to.</summary>
internal static class CheckStatusEndpoint
{
    public static async Task<IResult> Handle(HttpRequest request, ICaseLookup lookup, CancellationToken cancellationToken)
    {
        var (asked, tooLarge, malformed) = await BoundedBody.ReadJsonAsync<ReceiptRequest>(request, 4096, JsonSerializerOptions.Web, cancellationToken);
        if (tooLarge)
            return TypedResults.Problem(title: "The request is larger than the limit.", statusCode: StatusCodes.Status413PayloadTooLarge);
        if (malformed is not null)
            return TypedResults.ValidationProblem(malformed);
        var parsed = ReceiptCode.Parse(asked?.Receipt);
        if (parsed.Receipt is not { } receipt)
            return ReceiptProblems.Invalid(parsed.Problem);
        return await lookup.FindAsync(receipt, cancellationToken) is { } view ? TypedResults.Ok(view) : ReceiptProblems.Unknown();
    }
}

public sealed record ReceiptRequest(string? Receipt);
