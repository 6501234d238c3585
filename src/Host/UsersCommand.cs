using System.CommandLine;
using Reporting.CaseManagement.Keys;
using Reporting.CaseManagement.Staff.Accounts;

namespace Reporting.Host;

/// <summary>
/// <c>reporting users add|disable|grant|revoke|reset-totp</c>: staff accounts, on the configured database (or the
/// embedded one). Needs the office keys unlocked, since second-factor secrets are wrapped under the key-encryption key.
/// Other options (--Key=value, --environment) go to the host configuration, as for <c>serve</c>.
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var username = new Argument<string>("username");
        var role = new Argument<string>("role");
        var passphraseFile = new Option<string?>("--passphrase-file") { Description = "Read the office key passphrase from this file." };
        var displayName = new Option<string>("--display-name") { Description = "The name shown to colleagues and matched for automatic recusal.", Required = true };
        var organization = new Option<string>("--organization") { Description = "The user's own unit, matched for automatic recusal.", Required = true };
        var roles = new Option<string[]>("--role") { Description = "A role to grant (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
        var passwordFile = new Option<string?>("--password-file") { Description = "Read the initial password from this file instead of typing it." };

        var add = new Command("add", "Create a staff account and enrol its second factor (prints the otpauth URI and a QR code).")
        {
            username, displayName, organization, roles, passwordFile, passphraseFile,
        };
        add.SetAction((parse, cancellation) => RunAsync(parse, passphraseFile, async admin =>
        {
            var password = parse.GetValue(passwordFile) is { } file
                ? PassphraseSources.FromFile(file)
                : PassphraseSources.Typed(Console.Error, confirm: true);
            var setup = await admin.AddAsync(parse.GetValue(username)!, parse.GetValue(displayName)!, parse.GetValue(organization)!,
                parse.GetValue(roles)!, password, Operator, cancellation);
            PrintSetup(parse.GetValue(username)!, setup);
        }));

        var disable = new Command("disable", "Disable an account; its tokens stop working at once.") { username, passphraseFile };
        disable.SetAction((parse, cancellation) => RunAsync(parse, passphraseFile, admin =>
            admin.DisableAsync(parse.GetValue(username)!, Operator, cancellation)));

        var grant = new Command("grant", "Grant a role; the user's current tokens stop working, the next login carries it.") { username, role, passphraseFile };
        grant.SetAction((parse, cancellation) => RunAsync(parse, passphraseFile, admin =>
            admin.GrantAsync(parse.GetValue(username)!, parse.GetValue(role)!, Operator, cancellation)));

        var revoke = new Command("revoke", "Revoke a role; the user's tokens stop working at once.") { username, role, passphraseFile };
        revoke.SetAction((parse, cancellation) => RunAsync(parse, passphraseFile, admin =>
            admin.RevokeAsync(parse.GetValue(username)!, parse.GetValue(role)!, Operator, cancellation)));

        var resetTotp = new Command("reset-totp", "Replace a user's second factor (prints the new otpauth URI and QR code).") { username, passphraseFile };
        resetTotp.SetAction((parse, cancellation) => RunAsync(parse, passphraseFile, async admin =>
            PrintSetup(parse.GetValue(username)!, await admin.ResetTotpAsync(parse.GetValue(username)!, Operator, cancellation))));

        var users = new Command("users", "Staff accounts.") { add, disable, grant, revoke, resetTotp };
        foreach (var command in users.Subcommands)
            command.TreatUnmatchedTokensAsErrors = false;
        return users;
    }

    /// <summary>Who did it, for the account's stream and the audit trail: the operating-system user at the console.</summary>
    private static string Operator => "cli:" + Environment.UserName;

    private static async Task<int> RunAsync(ParseResult parse, Option<string?> passphraseFile, Func<AccountAdministration, Task> action)
    {
        try
        {
            return await CommandHost.RunAsync(parse.UnmatchedTokens, builder =>
            {
                if (parse.GetValue(passphraseFile) is { } file)
                    builder.Configuration["Keys:PassphraseFile"] = file;
                else if (!builder.Environment.IsDevelopment() && Environment.GetEnvironmentVariable(OfficeKeysLoading.PassphraseVariable) is null)
                    builder.Services.AddSingleton(OfficeKeyFile.Unlock(OfficeKeysLoading.KeyFilePath(builder.Configuration), KeysCommand.Passphrase(null, confirm: false)));
            }, async services =>
            {
                await action(services.GetRequiredService<AccountAdministration>());
                Console.WriteLine("Done.");
                return 0;
            });
        }
        catch (Exception exception) when (exception is AdministrationException or InvalidOperationException or IOException or System.Security.Cryptography.CryptographicException)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
    }

    private static void PrintSetup(string username, TotpSetup setup)
    {
        Console.WriteLine($"Second factor for {username}: scan the code below with an authenticator app, or enter the URI by hand.");
        Console.WriteLine(setup.QrCode);
        Console.WriteLine(setup.Uri);
        Console.WriteLine("This is shown once; it is stored only wrapped under the key-encryption key.");
    }
}
