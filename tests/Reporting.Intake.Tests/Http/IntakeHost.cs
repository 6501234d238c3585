using NSec.Cryptography;
using Reporting.Testing;

namespace Reporting.Intake.Tests.Http;

/// <summary>
/// The real host with a light proof of work, a one-second form delay, attachments in a folder of its own, and an
/// office sealing key whose private half the test keeps, to check what was sealed.
/// </summary>
public class IntakeHost : ReportingHost
{
    public const int Difficulty = 6;
    public const string OfficeKeyId = "office-test-1";

    public Key OfficeKey { get; } = Key.Create(KeyAgreementAlgorithm.X25519);

    public string AttachmentDirectory { get; } = Path.Combine(Path.GetTempPath(), $"intake-attachments-{Guid.NewGuid():N}");

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Intake:ProofOfWork:Difficulty"] = $"{Difficulty}";
        settings["Intake:Form:MinimumAge"] = "00:00:01";
        settings["Intake:SealingKey:KeyId"] = OfficeKeyId;
        settings["Intake:SealingKey:PublicKey"] = Convert.ToBase64String(OfficeKey.PublicKey.Export(KeyBlobFormat.RawPublicKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        settings["Intake:Limits:AttachmentDirectory"] = AttachmentDirectory;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        OfficeKey.Dispose();
        if (Directory.Exists(AttachmentDirectory))
            Directory.Delete(AttachmentDirectory, recursive: true);
    }
}
