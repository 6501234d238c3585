using System.CommandLine;
using Reporting.Disclosure.Export;
using Reporting.Disclosure.Verification;

namespace Reporting.Host;

/// <summary>
/// <c>reporting disclosure export --out DIR</c> writes the public record as static files; <c>reporting disclosure
/// verify --from URL|DIR</c> checks a published record as any outsider could, with nothing of this system but the files.
/// </summary>
internal static class DisclosureCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write the site to (created; existing files are overwritten, none removed).", Required = true };
        var export = new Command("export", "Write the whole public site as static files. Other options (--Key=value) configure the database as for serve.") { output };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction((parseResult, cancellationToken) => CommandHost.RunAsync(parseResult.UnmatchedTokens, _ => { }, async services =>
        {
            var directory = parseResult.GetValue(output)!;
            var summary = await SiteExport.WriteAsync(services, directory.FullName, cancellationToken);
            Console.WriteLine($"Wrote {summary.Files} files to {directory.FullName}: {summary.Notices} notices in {summary.Versions} versions, a log of {summary.TreeSize} records, {summary.Checkpoints} checkpoints.");
            return 0;
        }, "intake,cases,disclosure"));

        var from = new Option<string>("--from") { Description = "The site: its base URL (https://…) or an exported folder.", Required = true };
        var logKeys = new Option<string[]>("--log-key")
        {
            Description = "The log's vkey (name+hex8+base64) as published elsewhere; repeatable. Without it the site's own keys.json is trusted.",
            AllowMultipleArgumentsPerToken = true,
        };
        var saved = new Option<FileInfo?>("--checkpoint") { Description = "A checkpoint saved earlier: the log must still contain the tree it signed." };
        var verify = new Command("verify", "Check a published site: signatures, records, version chains, the tree against its checkpoint, consistency with a saved checkpoint.") { from, logKeys, saved };
        verify.SetAction(async (parseResult, cancellationToken) =>
        {
            var savedFile = parseResult.GetValue(saved);
            var verifier = new SiteVerifier(SiteSource.From(parseResult.GetValue(from)!));
            var report = await verifier.VerifyAsync(parseResult.GetValue(logKeys) is { Length: > 0 } keys ? keys : null,
                savedFile is null ? null : await File.ReadAllTextAsync(savedFile.FullName, cancellationToken), cancellationToken);
            Console.WriteLine($"Log of {report.TreeSize} records; {report.Records} records read; {report.NoticesVerified} notice versions verified.");
            foreach (var note in report.Notes)
                Console.WriteLine($"note: {note}");
            foreach (var problem in report.Problems)
                Console.WriteLine($"PROBLEM: {problem}");
            Console.WriteLine(report.Passed ? "Verified: the published record is intact." : $"NOT VERIFIED: {report.Problems.Count} problem(s).");
            return report.Passed ? 0 : 2;
        });

        return new Command("disclosure", "The public record: export it as static files, or verify a published one.") { export, verify };
    }
}
