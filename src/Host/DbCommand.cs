using System.CommandLine;
using Marten;
using Reporting.Intake;
using Reporting.Storage.Hosting;
using Reporting.Storage.Roles;
using Reporting.Storage.Schema;

namespace Reporting.Host;

/// <summary>
/// <c>reporting db migrate</c> applies this build's schema (Marten's objects, then our own tables and triggers) to the
/// configured database, as an operator does before starting hosts that only check it; <c>reporting db script</c>
/// writes the same as SQL for a database administrator to review. Both configure Marten for every module, so that one
/// schema serves any split of the modules across hosts.
/// </summary>
internal static class DbCommand
{
    private const string AllModules = "intake,cases,disclosure";

    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply this build's schema to the database. Other options (--Key=value) configure the database as for serve.");
        migrate.TreatUnmatchedTokensAsErrors = false;
        migrate.SetAction(parseResult => CommandHost.RunAsync(parseResult.UnmatchedTokens, Migrating, async services =>
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync();
            Console.WriteLine("The schema is up to date.");
            return 0;
        }, AllModules));

        var output = new Option<FileInfo>("--out") { Description = "The file to write the SQL to.", Required = true };
        var script = new Command("script", "Write the SQL that creates this build's schema, Marten's and ours, for review.") { output };
        script.TreatUnmatchedTokensAsErrors = false;
        script.SetAction(parseResult => CommandHost.RunAsync(parseResult.UnmatchedTokens, _ => { }, async services =>
        {
            var file = parseResult.GetValue(output)!;
            await using var writer = file.CreateText();
            await writer.WriteLineAsync(services.GetRequiredService<IDocumentStore>().Storage.ToDatabaseScript());
            foreach (var (id, sql, _) in services.GetRequiredService<SchemaMigrator>().Scripts())
                await writer.WriteLineAsync($"-- {id}\n{sql}");
            Console.WriteLine($"Wrote {file.FullName}.");
            return 0;
        }, AllModules, prepareSchema: false));

        var prefix = new Option<string?>("--prefix") { Description = "The roles' names start with this and '_' (default: the schema's name)." };
        var passwords = new Option<DirectoryInfo?>("--passwords")
        {
            Description = "A folder of ROLE.password files: each role's password is read from its file, or drawn and written there. Without it the roles have no password (peer or certificate authentication).",
        };
        var roles = new Command("roles", "Create the intake, cases and disclosure login roles and grant each only what its module needs (run after every migrate). Other options (--Key=value) configure the database as for serve.") { prefix, passwords };
        roles.TreatUnmatchedTokensAsErrors = false;
        roles.SetAction(parseResult => CommandHost.RunAsync(parseResult.UnmatchedTokens, _ => { }, async services =>
        {
            var made = await services.GetRequiredService<DatabaseRoles>().ApplyAsync(parseResult.GetValue(prefix), parseResult.GetValue(passwords), CancellationToken.None);
            Console.WriteLine($"Roles {string.Join(", ", made)} hold their grants on schema {services.GetRequiredService<DatabaseOptions>().Schema}.");
            return 0;
        }, IntakeModule.Name, prepareSchema: false)); // Intake's services alone: nothing of them needs the key passphrase.

        return new Command("db", "The database schema and its roles.") { migrate, script, roles };
    }

    /// <summary>The verb itself brings the schema up to date, so the start-up check must not refuse the database first.</summary>
    private static void Migrating(WebApplicationBuilder builder) => builder.Configuration["Database:MigrateOnStartup"] = "true";
}
