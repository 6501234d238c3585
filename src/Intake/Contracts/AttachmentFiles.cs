namespace Reporting.Intake.Contracts;

/// <summary>
/// Where sealed attachment files are kept, for whoever opens them: the folder (<see cref="DirectorySetting"/>, shared
/// storage when Intake runs on hosts of its own) holds one ciphertext file per attachment, encrypted as a
/// secretstream under the stream key in the attachment's envelope.
/// </summary>
public static class AttachmentFiles
{
    public const string DirectorySetting = "Intake:Limits:AttachmentDirectory";

    /// <summary>Relative to the working directory unless absolute.</summary>
    public const string DefaultDirectory = ".data/attachments";

    public static string PathOf(string directory, Guid attachmentId) => Path.Combine(Path.GetFullPath(directory), $"{attachmentId:N}.sealed");
}
