namespace Reporting.Intake.Attachments.Cleaning;

/// <summary>
/// The one door every attachment passes before it is sealed: its kind read from its bytes, then mat2 in a sandbox
/// (each entry of a ZIP on its own), or a refusal. Only what comes out of here is stored.
/// </summary>
public static class AttachmentCleaning
{
    public static Task<CleaningResult> CleanAsync(byte[] file, CleaningLimits limits, CancellationToken cancellationToken) =>
        CleanAsync(file, limits, depth: 0, cancellationToken);

    internal static async Task<CleaningResult> CleanAsync(byte[] file, CleaningLimits limits, int depth, CancellationToken cancellationToken)
    {
        if (FileKinds.Detect(file) is not { } kind)
            return CleaningRefusal.UnknownType;
        if (kind.IsArchive)
            return await ArchiveCleaning.CleanAsync(file, limits, depth + 1, cancellationToken);
        if (!kind.Mat2Cleans)
        {
            return limits.AllowUncleaned.GetValueOrDefault(kind.ContentType)
                ? new CleanedAttachment(file, kind.ContentType, [], MayIdentify: true)
                : CleaningRefusal.NotCleanable(kind.ContentType);
        }
        var outcome = await Mat2.CleanAsync(file, kind, limits, cancellationToken);
        if (outcome.Cleaned is not { } cleaned)
            return outcome.TimedOut ? CleaningRefusal.TimedOut : CleaningRefusal.CleanerFailed;
        return new CleanedAttachment(cleaned, kind.ContentType, [.. outcome.Fields.Select(MetadataLabels.For).Distinct(StringComparer.Ordinal)], MayIdentify: false);
    }
}

public abstract record CleaningResult;

/// <param name="Removed">What was found and removed, in plain words in both languages.</param>
/// <param name="MayIdentify">True only for a type an administrator allowed through uncleaned: the informant is told it was not cleaned.</param>
public sealed record CleanedAttachment(byte[] Bytes, string ContentType, IReadOnlyList<string> Removed, bool MayIdentify) : CleaningResult;

/// <summary>Why a file was not stored, for an RFC 7807 problem: the title in both languages, Chinese first.</summary>
public sealed record CleaningRefusal(int Status, string Title) : CleaningResult
{
    public static readonly CleaningRefusal UnknownType = new(StatusCodes.Status415UnsupportedMediaType,
        "无法识别这个文件的格式，未保存。请上传照片、PDF、Office 文档、录音或视频。 / This kind of file is not recognised, so it was not kept. Upload a photo, PDF, office document, recording or video.");

    public static CleaningRefusal NotCleanable(string contentType) => new(StatusCodes.Status415UnsupportedMediaType,
        $"这种文件（{contentType}）无法去除可能暴露身份的信息，未保存。请转换为其他格式后再上传。 / Information that could identify you cannot be removed from this kind of file ({contentType}), so it was not kept. Convert it to another format and upload it again.");

    public static readonly CleaningRefusal CleanerFailed = new(StatusCodes.Status422UnprocessableEntity,
        "文件已损坏或无法处理，未保存。 / The file is damaged or could not be cleaned, so it was not kept.");

    public static readonly CleaningRefusal TimedOut = new(StatusCodes.Status422UnprocessableEntity,
        "处理这个文件用时过长，未保存。请拆分成较小的文件后再上传。 / Cleaning this file took too long, so it was not kept. Split it into smaller files and upload them again.");

    public static readonly CleaningRefusal ArchiveOverLimit = new(StatusCodes.Status422UnprocessableEntity,
        "压缩包内文件过多、过大或压缩比异常，未保存。请解压后分别上传。 / The ZIP file has too many or too large entries, or an unusual compression ratio, so it was not kept. Unzip it and upload the files one by one.");

    public static readonly CleaningRefusal ArchiveTooDeep = new(StatusCodes.Status422UnprocessableEntity,
        "压缩包内嵌套的压缩包层数过多，未保存。 / The ZIP file holds ZIP files nested too deep, so it was not kept.");

    public static readonly CleaningRefusal ArchiveUnsafePath = new(StatusCodes.Status422UnprocessableEntity,
        "压缩包内有不安全的文件路径，未保存。 / The ZIP file holds an entry with an unsafe path, so it was not kept.");

    public static CleaningRefusal InArchive(string entryName, CleaningRefusal refusal) => refusal with { Title = $"{entryName}: {refusal.Title}" };
}
