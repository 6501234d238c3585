using Reporting.Intake.Attachments.Cleaning;

namespace Reporting.Intake.Attachments.Adding.Metadata;

/// <summary>
/// The portal's upload form still calls the door by this name (its folder belongs to the portal work of issue 16);
/// this is <see cref="AttachmentCleaning"/> with the default limits, until that call moves to the door itself.
/// </summary>
public static class MetadataRemoval
{
    public static CleanedAttachment Clean(byte[] file) =>
        AttachmentCleaning.CleanAsync(file, new CleaningLimits(), CancellationToken.None).GetAwaiter().GetResult() switch
        {
            CleanedAttachment cleaned => cleaned,
            CleaningRefusal refusal => throw new AttachmentRefusedException(refusal),
            _ => throw new InvalidOperationException("The door returned neither a cleaned file nor a refusal."),
        };
}

public sealed class AttachmentRefusedException(CleaningRefusal refusal) : Exception(refusal.Title)
{
    public CleaningRefusal Refusal { get; } = refusal;
}
