using System.Security.Cryptography;

namespace Reporting.Host.Backup;

/// <summary>
/// <c>SHA256SUMS</c> in the format of coreutils' <c>sha256sum</c> (hash, two spaces, path relative to the folder), so
/// that an operator can check a copy of a backup without this program: <c>cd DIR &amp;&amp; sha256sum -c SHA256SUMS</c>.
/// </summary>
internal static class BackupChecksums
{
    public const string FileName = "SHA256SUMS";

    /// <summary>Hashes every file under the folder but this list itself.</summary>
    public static void Write(string folder)
    {
        var lines = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => path != FileName)
            .Order(StringComparer.Ordinal)
            .Select(path => $"{Hash(Path.Combine(folder, path))}  {path}\n");
        File.WriteAllText(Path.Combine(folder, FileName), string.Concat(lines));
    }

    /// <summary>Throws, naming the file, when a listed file is missing or its bytes changed; returns the files listed.</summary>
    public static IReadOnlyList<string> Check(string folder)
    {
        var list = Path.Combine(folder, FileName);
        if (!File.Exists(list))
            throw new InvalidOperationException($"{folder} holds no {FileName}: it is not a backup written by `reporting backup`.");
        var files = new List<string>();
        foreach (var line in File.ReadAllLines(list).Where(line => line.Length > 0))
        {
            if (line.Length < 67 || line[64..66] != "  ")
                throw new InvalidOperationException($"{FileName} has a malformed line.");
            var (expected, path) = (line[..64], line[66..]);
            // A listed path leaving the folder would make restore read (and copy) a file the backup never held.
            var full = Path.GetFullPath(Path.Combine(folder, path));
            if (!full.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidOperationException($"{FileName} lists {path}, outside the backup.");
            if (!File.Exists(full))
                throw new InvalidOperationException($"The backup lacks {path}, which {FileName} lists.");
            if (!string.Equals(Hash(full), expected, StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{path} does not match its hash in {FileName}: the backup is damaged or was altered.");
            files.Add(path);
        }
        return files;
    }

    public static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
