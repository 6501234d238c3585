namespace Reporting.Intake.Attachments.Adding.Metadata;

/// <summary>A file with its identifying metadata removed, and the names of what was removed, as told to the informant.</summary>
public sealed record CleanedFile(byte[] Bytes, IReadOnlyList<string> Removed);
