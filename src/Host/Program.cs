using System.CommandLine;
using Reporting.Host;

var modulesOption = new Option<string[]>("--modules")
{
    // One value a token ("intake,cases", or the option again): a list after it would swallow the host options that follow.
    Description = $"Surfaces to serve, comma-separated or the option repeated: {string.Join(", ", ModuleSelection.Names)} (default: all).",
};
var serve = new Command("serve", "Serve the system (the default verb). Other options (--urls, --environment, --Key=value) go to the web host.")
{
    modulesOption,
};
serve.TreatUnmatchedTokensAsErrors = false;
serve.SetAction(parseResult => ServeCommand.RunAsync(parseResult.GetValue(modulesOption), parseResult.UnmatchedTokens));

var root = new RootCommand("reporting: the discipline-inspection commission's reporting and case-tracking system") { serve };
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(UsersCommand.Create());
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(DisclosureCommand.Create());
root.Subcommands.Add(Reporting.Host.Backup.BackupCommand.CreateBackup());
root.Subcommands.Add(Reporting.Host.Backup.BackupCommand.CreateRestore());

// With no verb, or only host options, the program serves.
if (args.Length == 0 || args[0].StartsWith('-') && args[0] is not ("-h" or "--help" or "-?" or "--version"))
    args = ["serve", .. args];

// The web host handles Ctrl+C and SIGTERM itself, so that the embedded PostgreSQL is always stopped cleanly.
// An operator's mistake (a locked key file, a missing database, a refused grant, a damaged backup) ends with its message and exit code 1,
// not a stack trace; anything else is a defect and keeps its trace.
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
}
catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException
                                       or System.Data.Common.DbException or System.Security.Cryptography.CryptographicException)
{
    await Console.Error.WriteLineAsync($"reporting: {exception.Message}");
    return 1;
}
