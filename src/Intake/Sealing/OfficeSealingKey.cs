using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Reporting.Intake.Sealing;

/// <summary>
/// The office's public X25519 sealing key and its id, from configuration (<c>Intake:SealingKey</c>). Intake holds only
/// this public half: a host running Intake alone can seal reports and decrypt none of them.
/// </summary>
public sealed class OfficeSealingKey
{
    private OfficeSealingKey(string keyId, PublicKey publicKey)
    {
        KeyId = keyId;
        PublicKey = publicKey;
    }

    public string KeyId { get; }

    public PublicKey PublicKey { get; }

    public static OfficeSealingKey Create(string keyId, PublicKey publicKey) => new(keyId, publicKey);

    /// <summary>Null when no key is configured.</summary>
    public static OfficeSealingKey? From(IOptions<IntakeOptions> options)
    {
        var configured = options.Value.SealingKey;
        if (string.IsNullOrWhiteSpace(configured.KeyId) || string.IsNullOrWhiteSpace(configured.PublicKey))
            return null;
        var bytes = Convert.FromBase64String(configured.PublicKey.Replace('-', '+').Replace('_', '/').PadRight((configured.PublicKey.Length + 3) / 4 * 4, '='));
        return new OfficeSealingKey(configured.KeyId, PublicKey.Import(KeyAgreementAlgorithm.X25519, bytes, KeyBlobFormat.RawPublicKey));
    }
}

/// <summary>
/// Where Intake gets the office's current sealing key. Without one, Intake refuses reports and messages (503) rather
/// than keep anything unsealed. Staff key custody can put its own provider in place of the configured one.
/// </summary>
public interface IOfficeSealingKeyProvider
{
    OfficeSealingKey? Current { get; }
}

/// <summary>
/// The configured key. In Development only, with none configured, an ephemeral key labelled as such, whose private
/// half is thrown away: the portal can be tried end to end, and what it seals there can never be read by anyone.
/// </summary>
internal sealed class ConfiguredOfficeSealingKey(IOptions<IntakeOptions> options, IHostEnvironment environment, ILogger<ConfiguredOfficeSealingKey> logger) : IOfficeSealingKeyProvider
{
    public const string DevelopmentKeyId = "development-only-ephemeral-unreadable";

    private readonly Lazy<OfficeSealingKey?> _key = new(() =>
    {
        var configured = OfficeSealingKey.From(options);
        if (configured is not null || !environment.IsDevelopment())
            return configured;
        logger.LogWarning("No office sealing key configured: Development seals to an ephemeral key ({KeyId}); nothing sealed to it can be read.", DevelopmentKeyId);
        using var ephemeral = Key.Create(KeyAgreementAlgorithm.X25519);
        return OfficeSealingKey.Create(DevelopmentKeyId, ephemeral.PublicKey);
    });

    public OfficeSealingKey? Current => _key.Value;
}

internal static class SealingKeys
{
    public static OfficeSealingKey Required(this IOfficeSealingKeyProvider provider) =>
        provider.Current ?? throw new InvalidOperationException("No office sealing key is configured (Intake:SealingKey).");
}
