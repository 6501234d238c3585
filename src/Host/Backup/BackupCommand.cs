using System.CommandLine;
using System.Reflection;
using Reporting.CaseManagement.Keys;
using Reporting.Host.EmbeddedPostgres;
using Reporting.Intake.Contracts;
using Reporting.Storage.Backup;
using Reporting.Storage.Hosting;

namespace Reporting.Host.Backup;

/// <summary>
/// <c>reporting backup --out DIR</c> and <c>reporting restore --from DIR</c>. A backup is a folder: the schema dumped by
/// pg_dump in one snapshot while the hosts keep writing, the office key file as it is (wrapped under the passphrase,
/// which is never in a backup), the sealed attachment files, a manifest counting what the dump holds, and SHA256SUMS.
/// </summary>
internal static class BackupCommand
{
    private const string DumpFile = "database.dump";
    private const string KeyFile = "keys/office-keys.json";
    private const string AttachmentsFolder = "attachments";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

    public static Command CreateBackup()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write the backup to; it must not exist or be empty.", Required = true };
        var backup = new Command("backup", "Back up the database (a consistent dump, while the hosts run), the office key file and the sealed attachments. Other options (--Key=value) configure them as for serve.") { output };
        backup.TreatUnmatchedTokensAsErrors = false;
        backup.SetAction((parse, cancellationToken) => BackUpAsync(parse.GetValue(output)!.FullName, parse.UnmatchedTokens, cancellationToken));
        return backup;
    }

    public static Command CreateRestore()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "A folder written by `reporting backup`.", Required = true };
        var restore = new Command("restore", "Restore a backup into a database without the schema, and its key file and attachments where the configuration puts them. Other options (--Key=value) configure them as for serve.") { from };
        restore.TreatUnmatchedTokensAsErrors = false;
        restore.SetAction((parse, cancellationToken) => RestoreAsync(parse.GetValue(from)!.FullName, parse.UnmatchedTokens, cancellationToken));
        return restore;
    }

    private static async Task BackUpAsync(string folder, IReadOnlyList<string> hostArguments, CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new InvalidOperationException($"{folder} is not empty; a backup goes into a folder of its own.");
        Directory.CreateDirectory(folder, OwnerOnlyFolder);

        var configuration = ReportingApp.CreateBuilder([.. hostArguments]).Configuration;
        var schema = Schema(configuration);
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        await using var database = await ConfiguredDatabase.OpenAsync(configuration, loggerFactory.CreateLogger("Reporting.Host.EmbeddedPostgres"), cancellationToken);

        DatabaseContents contents;
        await using (var snapshot = await DatabaseSnapshot.ExportAsync(database.ConnectionString, schema, cancellationToken))
        {
            await ExternalProcess.RunAsync(PostgresBinaries.Client("pg_dump"),
                ["--format=custom", $"--schema={schema}", $"--snapshot={snapshot.Id}", $"--file={Path.Combine(folder, DumpFile)}"],
                cancellationToken, PostgresClientEnvironment.Of(database.ConnectionString));
            contents = snapshot.Contents;
        }

        var keyFile = OfficeKeysLoading.KeyFilePath(configuration);
        if (File.Exists(keyFile))
            CopyFile(keyFile, Path.Combine(folder, KeyFile));

        // After the dump: an attachment's file is written before the event that names it commits, so every attachment the
        // dump names is on disk by now. Files of later attachments come along too and are harmless.
        var attachments = 0;
        var attachmentDirectory = AttachmentDirectory(configuration);
        if (Directory.Exists(attachmentDirectory))
            foreach (var file in Directory.EnumerateFiles(attachmentDirectory, "*.sealed"))
            {
                CopyFile(file, Path.Combine(folder, AttachmentsFolder, Path.GetFileName(file)));
                attachments++;
            }

        new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow, schema, BuildVersion, contents, File.Exists(keyFile), attachments).Write(folder);
        BackupChecksums.Write(folder);
        // The folder is the owner's alone from the start; its files are made so too, for when they are copied out of it.
        foreach (var file in new[] { DumpFile, BackupManifest.FileName, BackupChecksums.FileName })
            File.SetUnixFileMode(Path.Combine(folder, file), OwnerOnly);
        Console.WriteLine($"Backed up {contents.Events} events in {contents.Streams} streams (up to sequence {contents.LastSequence}; {contents.ShreddedStreams} shredded), " +
            $"{(File.Exists(keyFile) ? "the office key file" : "no key file")} and {attachments} attachment file(s) to {folder}.");
        Console.WriteLine("The key file in it opens only with the passphrase, which is not in the backup: keep the two apart.");
    }

    private static async Task RestoreAsync(string folder, IReadOnlyList<string> hostArguments, CancellationToken cancellationToken)
    {
        // Everything is checked before anything is written: a backup that fails a check changes nothing.
        var files = BackupChecksums.Check(folder);
        var manifest = BackupManifest.Read(folder);
        if (!files.Contains(DumpFile) || !files.Contains(BackupManifest.FileName))
            throw new InvalidOperationException($"SHA256SUMS does not cover {DumpFile} and {BackupManifest.FileName}.");
        var configuration = ReportingApp.CreateBuilder([.. hostArguments]).Configuration;
        var schema = Schema(configuration);
        if (schema != manifest.Schema)
            throw new InvalidOperationException($"The backup holds schema '{manifest.Schema}'; this configuration uses '{schema}' (Database:Schema).");

        var copies = new List<(string From, string To)>();
        if (files.Contains(KeyFile))
            copies.Add((Path.Combine(folder, KeyFile), OfficeKeysLoading.KeyFilePath(configuration)));
        var attachmentDirectory = AttachmentDirectory(configuration);
        copies.AddRange(files.Where(file => file.StartsWith(AttachmentsFolder + "/", StringComparison.Ordinal))
            .Select(file => (Path.Combine(folder, file), Path.Combine(attachmentDirectory, Path.GetFileName(file)))));
        foreach (var (from, to) in copies)
            if (File.Exists(to) && BackupChecksums.Hash(to) != BackupChecksums.Hash(from))
                throw new InvalidOperationException($"{to} exists and differs from the backup's copy; move it away first (restore never overwrites a file).");

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        await using var database = await ConfiguredDatabase.OpenAsync(configuration, loggerFactory.CreateLogger("Reporting.Host.EmbeddedPostgres"), cancellationToken);
        var connectionString = await DatabaseProvisioning.EnsureDatabaseAsync(database.ConnectionString, cancellationToken);
        if (await DatabaseContents.OfAsync(connectionString, schema, cancellationToken) is not null)
            throw new InvalidOperationException($"The database has a schema '{schema}' already; restore only into a database without it.");

        var environment = PostgresClientEnvironment.Of(connectionString);
        var restoreProgram = PostgresBinaries.Client("pg_restore");
        var list = Path.Combine(Path.GetTempPath(), $"reporting-restore-{Guid.NewGuid():N}.list");
        try
        {
            // Row-level security and its policies name the login roles of the deployment backed up, which the target may
            // not have: they are left out, and `reporting db roles` makes them again for the roles there.
            var contents = await ExternalProcess.RunAsync(restoreProgram, ["--list", Path.Combine(folder, DumpFile)], cancellationToken);
            await File.WriteAllLinesAsync(list, contents.Split('\n').Select(line => IsRoleBound(line) ? ";" + line : line), cancellationToken);
            await ExternalProcess.RunAsync(restoreProgram,
                ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--use-list={list}", $"--dbname={environment["PGDATABASE"]}", Path.Combine(folder, DumpFile)],
                cancellationToken, environment);
        }
        finally
        {
            File.Delete(list);
        }

        var restored = await DatabaseContents.OfAsync(connectionString, schema, cancellationToken);
        if (restored != manifest.Database)
            throw new InvalidOperationException($"The restored database holds {restored}, the backup's manifest {manifest.Database}: the restore is incomplete.");
        await DatabaseContents.AnalyzeAsync(connectionString, schema, cancellationToken);

        foreach (var (from, to) in copies.Where(copy => !File.Exists(copy.To)))
            CopyFile(from, to);
        Console.WriteLine($"Restored {restored.Events} events in {restored.Streams} streams (up to sequence {restored.LastSequence}; {restored.ShreddedStreams} shredded) " +
            $"from the backup of {manifest.CreatedAt:yyyy-MM-dd HH:mm}Z, and {copies.Count} file(s).");
        Console.WriteLine("Next: `reporting db migrate` if this build is newer than the backup's, `reporting db roles` for the hosts' roles, then `reporting verify`.");
    }

    private static bool IsRoleBound(string line) =>
        System.Text.RegularExpressions.Regex.IsMatch(line, @"^\d+; \d+ \d+ (POLICY|ROW SECURITY) ");

    private static string Schema(IConfiguration configuration) => configuration["Database:Schema"] ?? "reporting";

    private static string AttachmentDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration[AttachmentFiles.DirectorySetting] ?? AttachmentFiles.DefaultDirectory);

    private static string BuildVersion =>
        typeof(BackupCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!, OwnerOnlyFolder);
        File.Copy(from, to);
        File.SetUnixFileMode(to, OwnerOnly);
    }
}
