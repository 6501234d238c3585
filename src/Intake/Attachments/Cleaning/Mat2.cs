namespace Reporting.Intake.Attachments.Cleaning;

/// <summary>
/// One file through mat2 in a fresh sandbox: <c>mat2 --show</c> lists what it finds (field names kept, values never
/// read past the colon), then <c>mat2</c> writes <c>file.cleaned.ext</c> beside it, which is read back.
/// </summary>
internal static class Mat2
{
    public static async Task<Mat2Outcome> CleanAsync(byte[] file, FileKind kind, CleaningLimits limits, CancellationToken cancellationToken)
    {
        using var sandbox = Sandbox.Create();
        var name = "file" + kind.Extension;
        await File.WriteAllBytesAsync(Path.Combine(sandbox.Folder, name), file, cancellationToken);

        var shown = await sandbox.RunAsync(["mat2", "--show", name], limits, cancellationToken);
        if (shown.TimedOut)
            return Mat2Outcome.Timeout;
        if (shown.ExitCode != 0)
            return Mat2Outcome.Failure;

        var cleaning = await sandbox.RunAsync(["mat2", .. ModeFor(kind), name], limits, cancellationToken);
        if (cleaning.TimedOut)
            return Mat2Outcome.Timeout;
        var cleanedPath = Path.Combine(sandbox.Folder, "file.cleaned" + kind.Extension);
        if (cleaning.ExitCode != 0 || !File.Exists(cleanedPath))
            return Mat2Outcome.Failure;
        return new Mat2Outcome(await File.ReadAllBytesAsync(cleanedPath, cancellationToken), FieldsShown(shown.Output), TimedOut: false);
    }

    /// <summary>PDFs keep their text (see docs/decisions.md, "PDF: metadata removed, pages kept"); every other type gets mat2's default.</summary>
    private static string[] ModeFor(FileKind kind) => kind == FileKinds.Pdf ? ["--lightweight"] : [];

    /// <summary>
    /// The field names in mat2's listing: "    Artist: …" for the file, "      dc:creator: …" for a member of an
    /// office file; the headers ("[+] Metadata for …") and "No metadata found" are not fields.
    /// </summary>
    internal static IReadOnlyList<string> FieldsShown(string listing) =>
        [.. listing.Split('\n')
            .Where(line => line.StartsWith("    ", StringComparison.Ordinal))
            .Select(line => line.Trim())
            .Where(line => !line.StartsWith('[') && line.Contains(": ", StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf(": ", StringComparison.Ordinal)])
            .Distinct(StringComparer.Ordinal)];
}

/// <param name="Cleaned">Null when mat2 failed or timed out.</param>
internal sealed record Mat2Outcome(byte[]? Cleaned, IReadOnlyList<string> Fields, bool TimedOut)
{
    public static readonly Mat2Outcome Timeout = new(null, [], TimedOut: true);
    public static readonly Mat2Outcome Failure = new(null, [], TimedOut: false);
}
