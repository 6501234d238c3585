using System.Text.Json;
using Reporting.Storage.Backup;

namespace Reporting.Host.Backup;

/// <summary>
/// <c>manifest.json</c>: what the backup holds, counted in the dump's own snapshot, so that a restore can tell that it
/// brought back all of it. The files' hashes are in <c>SHA256SUMS</c> beside it, which <c>sha256sum -c</c> checks.
/// </summary>
internal sealed record BackupManifest(string Format, DateTimeOffset CreatedAt, string Schema, string Build, DatabaseContents Database, bool HasKeys, int Attachments)
{
    public const string CurrentFormat = "reporting-backup/1";
    public const string FileName = "manifest.json";

    // Read by people as well as by restore: a build such as 1.0.0+abc is written as it is, not as \u002B.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    public static BackupManifest Read(string folder)
    {
        var manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(Path.Combine(folder, FileName)), Json)
            ?? throw new InvalidOperationException($"{FileName} is empty.");
        if (manifest.Format != CurrentFormat)
            throw new InvalidOperationException($"{FileName} is in format '{manifest.Format}'; this build reads '{CurrentFormat}'.");
        return manifest;
    }
}
