using Microsoft.Extensions.Options;
using Reporting.Intake.Attachments.Cleaning;
using Reporting.Intake.Receipts;
using Reporting.Intake.Sealing;

namespace Reporting.Intake.Attachments.Adding;

/// <summary>
/// <c>POST /api/intake/attachments</c>: a file for the case, cleaned of identifying metadata by the one door, then
/// the cleaned bytes sealed; a file the door refuses (415, 422) is not stored at all.
/// </summary>
internal static class AddAttachmentEndpoint
{
    public static async Task<IResult> Handle(HttpRequest request, IAttachmentStore store, IOfficeSealingKeyProvider sealingKeys, IOptions<IntakeOptions> options, CancellationToken cancellationToken)
    {
        var upload = await MultipartUpload.ReadAsync(request, options.Value.Limits.MaxFileBytes, cancellationToken);
        if (upload.TooLarge)
            return TypedResults.Problem(title: "The file is larger than the limit.", statusCode: StatusCodes.Status413PayloadTooLarge);
        var parsed = ReceiptCode.Parse(upload.Fields.GetValueOrDefault("receipt"));
        if (parsed.Receipt is not { } receipt)
            return ReceiptProblems.Invalid(parsed.Problem);
        if (upload.File is not { Length: > 0 } file)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["required"] });
        if (sealingKeys.Current is null)
            return ReceiptProblems.Unavailable();

        var cleaning = await AttachmentCleaning.CleanAsync(file, options.Value.Attachments, cancellationToken);
        if (cleaning is CleaningRefusal refusal)
        {
            CryptographicBuffers.Clear(file);
            return TypedResults.Problem(title: refusal.Title, statusCode: refusal.Status);
        }
        var cleaned = (CleanedAttachment)cleaning;
        var fileName = string.IsNullOrWhiteSpace(upload.FileName) ? "attachment" : upload.FileName;
        var result = await store.AddAsync(receipt, fileName, cleaned, cancellationToken);
        CryptographicBuffers.Clear(file, cleaned.Bytes);
        return result.Outcome switch
        {
            AttachmentOutcome.Kept => TypedResults.Created((string?)null, new AttachmentAdded(result.AttachmentId, fileName, cleaned.Bytes.LongLength, cleaned.ContentType, cleaned.Removed, cleaned.MayIdentify)),
            AttachmentOutcome.ReportLimitReached => TypedResults.Problem(title: "This report has reached its limit for attachments.", statusCode: StatusCodes.Status413PayloadTooLarge),
            _ => ReceiptProblems.Unknown(),
        };
    }
}

/// <param name="RemovedMetadata">What mat2 found and removed, each in plain words, Chinese then English ("作者 / Author").</param>
/// <param name="MayIdentify">True only when an administrator lets this type through uncleaned: nothing was removed, and the informant is told.</param>
public sealed record AttachmentAdded(Guid AttachmentId, string FileName, long Size, string ContentType, IReadOnlyList<string> RemovedMetadata, bool MayIdentify);

internal static class CryptographicBuffers
{
    /// <summary>Plaintext copies are overwritten once sealed, so they do not linger in memory until collected.</summary>
    public static void Clear(params byte[][] buffers)
    {
        foreach (var buffer in buffers)
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer);
    }
}
