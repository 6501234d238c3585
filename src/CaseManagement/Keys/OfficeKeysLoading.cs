using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Reporting.CaseManagement.Keys;

/// <summary>
/// Unlocks the office key file when the host starts. The passphrase comes from the file named by
/// <c>Keys:PassphraseFile</c> or from <see cref="PassphraseVariable"/>; in Development, a missing key file is created
/// with the published development passphrase, and the host says so loudly, since such keys protect nothing.
/// </summary>
public static partial class OfficeKeysLoading
{
    public const string PassphraseVariable = "REPORTING_KEY_PASSPHRASE";
    public const string DevelopmentPassphrase = "dev-passphrase-change-me";
    public const string DefaultFile = ".data/keys/office-keys.json";

    public static string KeyFilePath(IConfiguration configuration) => Path.GetFullPath(configuration["Keys:File"] ?? DefaultFile);

    public static OfficeKeys Load(IConfiguration configuration, IHostEnvironment environment, TimeProvider time, ILogger logger)
    {
        var path = KeyFilePath(configuration);
        var passphrase = ConfiguredPassphrase(configuration);
        if (environment.IsDevelopment())
        {
            passphrase ??= DevelopmentPassphrase;
            if (!OfficeKeyFile.Exists(path))
            {
                try
                {
                    var created = OfficeKeyFile.Create(path, passphrase, time.GetUtcNow());
                    LogDevelopmentKeys(logger, path);
                    return created;
                }
                catch (IOException) when (OfficeKeyFile.Exists(path))
                {
                    // Another host process made the development key set at the same moment: use theirs.
                }
            }
        }
        if (passphrase is null)
            throw new InvalidOperationException(
                $"The office keys are locked: set Keys:PassphraseFile or {PassphraseVariable}, or check them with `reporting keys unlock`.");
        try
        {
            var keys = OfficeKeyFile.Unlock(path, passphrase);
            if (!environment.IsDevelopment() || OfficeKeyPurpose.All.Where(purpose => keys.TryCurrent(purpose) is null).ToList() is not { Count: > 0 } missing)
                return keys;
            // A development key set made before a purpose existed gets that key, so that a developer's old .data works.
            keys.Dispose();
            OfficeKeyFile.Rotate(path, passphrase, missing, time.GetUtcNow());
            return OfficeKeyFile.Unlock(path, passphrase);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException($"The office keys at {path} cannot be unlocked: {exception.Message}", exception);
        }
    }

    private static string? ConfiguredPassphrase(IConfiguration configuration)
    {
        if (configuration["Keys:PassphraseFile"] is { Length: > 0 } file)
            return PassphraseSources.FromFile(file);
        return Environment.GetEnvironmentVariable(PassphraseVariable) is { Length: > 0 } variable ? variable : null;
    }

    [LoggerMessage(LogLevel.Critical,
        "DEVELOPMENT KEYS CREATED at {Path} with the published development passphrase. They protect nothing: never use this key set for real reports.")]
    private static partial void LogDevelopmentKeys(ILogger logger, string path);
}
