using System.Text.Json;
using Reporting.Intake.Receipts;
using Reporting.Intake.Reports.Submitting;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Messages.Sending;

/// <summary><c>POST /api/intake/messages</c>: the informant writes to the office.</summary>
internal static class SendMessageEndpoint
{
    public const int MaxBody = 20_000;

    public static async Task<IResult> Handle(HttpRequest request, IInformantMessages messages, IOfficeSealingKeyProvider sealingKeys, CancellationToken cancellationToken)
    {
        var bytes = await BoundedBody.ReadAsync(request, 256 * 1024, cancellationToken);
        if (bytes is null)
            return TypedResults.Problem(title: "The message is larger than the limit.", statusCode: StatusCodes.Status413PayloadTooLarge);
        MessageRequest? message;
        try
        {
            message = JsonSerializer.Deserialize<MessageRequest>(bytes, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(ValidationErrors.FromJson(exception));
        }
        finally
        {
            Array.Clear(bytes);
        }
        var parsed = ReceiptCode.Parse(message?.Receipt);
        if (parsed.Receipt is not { } receipt)
            return ReceiptProblems.Invalid(parsed.Problem);
        if (!IsValidBody(message!.Body))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"between 1 and {MaxBody} characters, no control characters"] });
        if (sealingKeys.Current is null)
            return ReceiptProblems.Unavailable();
        return await messages.SendAsync(receipt, message.Body!, cancellationToken)
            ? TypedResults.Created()
            : ReceiptProblems.Unknown();
    }

    public static bool IsValidBody(string? body) =>
        !string.IsNullOrWhiteSpace(body) && body.Length <= MaxBody && TextRules.HasOnlyAllowedCharacters(body);
}

public sealed record MessageRequest(string? Receipt, string? Body);
