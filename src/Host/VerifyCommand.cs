using System.CommandLine;
using Marten;
using Reporting.Storage.Hosting;
using Reporting.Storage.Schema;
using Reporting.Storage.Verification;
using Reporting.Host.EmbeddedPostgres;
using NSec.Cryptography;

namespace Reporting.Host;

/// <summary>
/// <c>reporting verify</c>: recomputes the event store's hash chains and names the first altered, deleted or reordered
/// event. Reads only; exit code 0 when intact, 2 when tampering was found.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var keys = new Option<string[]>("--checkpoint-key")
        {
            Description = "A trusted checkpoint signing key: Ed25519 public key, raw 32 bytes in base64. Repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var verify = new Command("verify", "Check the event history for tampering. Other options (--Key=value) configure the database as for serve.") { keys };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.UnmatchedTokens, [.. (parseResult.GetValue(keys) ?? []).Select(ParseKey)], Console.Out, cancellationToken));
        return verify;
    }

    private static PublicKey ParseKey(string base64) => PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(base64), KeyBlobFormat.RawPublicKey);

    public static async Task<int> RunAsync(IReadOnlyList<string> hostArguments, IReadOnlyList<PublicKey> trustedKeys, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = ReportingApp.CreateBuilder([.. hostArguments]).Configuration;
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
        await using var database = await ConfiguredDatabase.OpenAsync(configuration, loggerFactory.CreateLogger("Reporting.Host.EmbeddedPostgres"), cancellationToken);
        var services = new ServiceCollection().AddLogging()
            .AddReportingDatabase(new DatabaseOptions(database.ConnectionString, configuration["Database:Schema"] ?? "reporting"));
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<IEventStoreIntegrity>().VerifyAsync(trustedKeys, cancellationToken);

        await output.WriteLineAsync($"Checked {report.Events} events in {report.Streams} streams.");
        await output.WriteLineAsync(report.LatestCheckpoint is { } latest
            ? $"{report.Checkpoints} signed checkpoint(s) verified; the newest covers events up to {latest}."
            : "No checkpoint signed by a trusted key: a consistent rewrite of whole chains would not show (pass --checkpoint-key).");
        if (report.IsIntact)
        {
            await output.WriteLineAsync("Intact: every event matches its hash chain and every stream its recorded head.");
            return 0;
        }
        await output.WriteLineAsync($"TAMPERED: {report.Findings.Count} problem(s). The first: {report.First}");
        foreach (var finding in report.Findings.OrderBy(f => f.Sequence).Skip(1))
            await output.WriteLineAsync($"  also {finding}");
        return 2;
    }
}
