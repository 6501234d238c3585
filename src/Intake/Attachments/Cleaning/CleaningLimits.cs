namespace Reporting.Intake.Attachments.Cleaning;

/// <summary>Configuration section "Intake:Attachments".</summary>
public sealed class CleaningLimits
{
    /// <summary>Wall-clock time one run of mat2 may take on one file (or one archive entry) before it is killed and the file refused.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Address space of the cleaner; Python with poppler and GdkPixbuf needs a few hundred megabytes for a large PDF.</summary>
    public long MaxMemoryBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Types (by content type read from the bytes, e.g. <c>text/plain</c>) an administrator lets through uncleaned;
    /// every other type mat2 cannot clean is refused. The informant is told such a file was not cleaned.
    /// </summary>
    public Dictionary<string, bool> AllowUncleaned { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public int MaxArchiveEntries { get; set; } = 200;

    public long MaxArchiveUncompressedBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Uncompressed size over compressed size, per entry: past it the entry is taken for a ZIP bomb.</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>An archive counts as depth 1; an archive inside it as 2.</summary>
    public int MaxArchiveDepth { get; set; } = 2;
}
