using System.CommandLine;
using System.Text.Json;
using Reporting.CaseManagement.Keys;

namespace Reporting.Host;

/// <summary>
/// <c>reporting keys init|rotate|export-public|unlock</c>: the key ceremony on the office key file. The passphrase
/// comes from <c>--passphrase-file</c>, else from REPORTING_KEY_PASSPHRASE, else it is typed without echo.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var keyFile = new Option<string>("--key-file")
        {
            Description = "The office key file.",
            DefaultValueFactory = _ => OfficeKeysLoading.DefaultFile,
        };
        var passphraseFile = new Option<string?>("--passphrase-file") { Description = "Read the passphrase from the first line of this file." };
        var purposes = new Option<string[]>("--purpose")
        {
            Description = $"Which keys to rotate: {string.Join(", ", OfficeKeyPurpose.All.Select(purpose => purpose.Name))} (default: all).",
            AllowMultipleArgumentsPerToken = true,
        };

        var init = new Command("init", "Create the office key file: a sealing key (X25519), a notice-signing key (Ed25519) and a key-encryption key.")
        {
            keyFile, passphraseFile,
        };
        init.SetAction(parse => Run(() =>
        {
            var path = Path.GetFullPath(parse.GetValue(keyFile)!);
            if (OfficeKeyFile.Exists(path))
                throw new InvalidOperationException($"{path} exists already; use `reporting keys rotate` to add keys.");
            var passphrase = PassphraseSources.RequireStrong(Passphrase(parse.GetValue(passphraseFile), confirm: true));
            using var keys = OfficeKeyFile.Create(path, passphrase, DateTimeOffset.UtcNow);
            Console.WriteLine($"Created {path} (mode 0600) with keys {string.Join(", ", keys.All.Select(key => key.KeyId))}.");
            Console.WriteLine("Keep the passphrase apart from the key file and from backups of the database: it is the only way to open both.");
        }));

        var rotate = new Command("rotate", "Add new keys; old keys stay, so that what they sealed, signed or wrapped still opens and verifies.")
        {
            keyFile, passphraseFile, purposes,
        };
        rotate.SetAction(parse => Run(() =>
        {
            var path = Path.GetFullPath(parse.GetValue(keyFile)!);
            var chosen = parse.GetValue(purposes) is { Length: > 0 } names ? names.Select(OfficeKeyPurpose.Named).ToList() : [.. OfficeKeyPurpose.All];
            var added = OfficeKeyFile.Rotate(path, Passphrase(parse.GetValue(passphraseFile), confirm: false), chosen, DateTimeOffset.UtcNow);
            Console.WriteLine($"Added {string.Join(", ", added)}. Restart the hosts that serve staff so that they use the new keys.");
        }));

        var exportPublic = new Command("export-public", "Print the public keys (sealing and notice-signing) as JSON; no passphrase needed.") { keyFile };
        exportPublic.SetAction(parse => Run(() =>
        {
            var keys = OfficeKeyFile.PublicKeys(Path.GetFullPath(parse.GetValue(keyFile)!));
            Console.WriteLine(JsonSerializer.Serialize(new { keys }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        }));

        var unlock = new Command("unlock", "Check that the passphrase opens every key in the file, and list them.") { keyFile, passphraseFile };
        unlock.SetAction(parse => Run(() =>
        {
            using var keys = OfficeKeyFile.Unlock(Path.GetFullPath(parse.GetValue(keyFile)!), Passphrase(parse.GetValue(passphraseFile), confirm: false));
            foreach (var key in keys.All)
                Console.WriteLine($"{key.Purpose.Name,-15} {key.KeyId,-24} {key.CreatedAt:yyyy-MM-dd HH:mm}Z");
            Console.WriteLine("The passphrase opens every key.");
        }));

        return new Command("keys", "Key ceremony: the office sealing, notice-signing and key-encryption keys.") { init, rotate, exportPublic, unlock };
    }

    internal static string Passphrase(string? file, bool confirm) =>
        file is not null ? PassphraseSources.FromFile(file)
        : Environment.GetEnvironmentVariable(OfficeKeysLoading.PassphraseVariable) is { Length: > 0 } variable ? variable
        : PassphraseSources.Typed(Console.Error, confirm);

    /// <summary>Operator mistakes end with their message and exit code 1, not a stack trace.</summary>
    private static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or System.Security.Cryptography.CryptographicException or ArgumentException or InvalidDataException)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
    }
}
