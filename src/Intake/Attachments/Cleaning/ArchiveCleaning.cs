using System.IO.Compression;

namespace Reporting.Intake.Attachments.Cleaning;

/// <summary>
/// A ZIP opened within limits (entries, total size, ratio, depth, paths), each entry cleaned through the same door as a
/// file of its own, and a new archive built from the cleaned entries with one fixed date, so that neither the
/// archive's own times nor any entry left uncleaned reaches the case.
/// </summary>
internal static class ArchiveCleaning
{
    /// <summary>The earliest date a ZIP entry can hold: it says nothing about when the informant made the file.</summary>
    private static readonly DateTimeOffset FixedEntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<CleaningResult> CleanAsync(byte[] file, CleaningLimits limits, int depth, CancellationToken cancellationToken)
    {
        if (depth > limits.MaxArchiveDepth)
            return CleaningRefusal.ArchiveTooDeep;
        List<(string Name, byte[] Bytes)> entries;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            if (Check(archive, limits) is { } refusal)
                return refusal;
            entries = [.. archive.Entries.Where(entry => !entry.FullName.EndsWith('/')).Select(entry => (entry.FullName, ReadBounded(entry)))];
        }
        catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException)
        {
            return CleaningRefusal.CleanerFailed;
        }

        var removed = new List<string> { MetadataLabels.FileTimes };
        var cleanedEntries = new List<(string Name, byte[] Bytes)>();
        foreach (var (name, bytes) in entries)
        {
            var result = await AttachmentCleaning.CleanAsync(bytes, limits, depth, cancellationToken);
            if (result is CleaningRefusal refused)
                return CleaningRefusal.InArchive(name, refused);
            var cleaned = (CleanedAttachment)result;
            if (cleaned.MayIdentify)
                return CleaningRefusal.InArchive(name, CleaningRefusal.NotCleanable(cleaned.ContentType));
            removed.AddRange(cleaned.Removed);
            cleanedEntries.Add((name, cleaned.Bytes));
        }
        return new CleanedAttachment(Rebuild(cleanedEntries), FileKinds.Zip.ContentType, [.. removed.Distinct(StringComparer.Ordinal)], MayIdentify: false);
    }

    private static CleaningRefusal? Check(ZipArchive archive, CleaningLimits limits)
    {
        if (archive.Entries.Count > limits.MaxArchiveEntries)
            return CleaningRefusal.ArchiveOverLimit;
        if (archive.Entries.Sum(entry => entry.Length) > limits.MaxArchiveUncompressedBytes)
            return CleaningRefusal.ArchiveOverLimit;
        if (archive.Entries.Any(entry => entry.Length > (long)limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1)))
            return CleaningRefusal.ArchiveOverLimit;
        return archive.Entries.Any(entry => !IsSafePath(entry.FullName)) ? CleaningRefusal.ArchiveUnsafePath : null;
    }

    /// <summary>Relative, forward, inside the archive: no <c>..</c>, no leading slash or backslash, no drive letter, no control characters.</summary>
    private static bool IsSafePath(string name) =>
        name.Length > 0
        && !name.StartsWith('/') && !name.StartsWith('\\')
        && !(name.Length > 1 && name[1] == ':')
        && !name.Any(char.IsControl)
        && !name.Split('/', '\\').Any(segment => segment == "..");

    /// <summary>The declared size has been checked against the limits; reading stops at it, so a header that lies about it gains nothing.</summary>
    private static byte[] ReadBounded(ZipArchiveEntry entry)
    {
        using var input = entry.Open();
        var buffer = new byte[entry.Length];
        input.ReadExactly(buffer);
        if (input.ReadByte() != -1)
            throw new InvalidDataException("The entry is longer than its header says.");
        return buffer;
    }

    private static byte[] Rebuild(List<(string Name, byte[] Bytes)> entries)
    {
        var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = FixedEntryTime;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }
        return output.ToArray();
    }
}
