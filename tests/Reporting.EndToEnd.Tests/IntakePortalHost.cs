using NSec.Cryptography;
using Reporting.Testing;

namespace Reporting.EndToEnd.Tests;

/// <summary>The real host with an office sealing key, its own attachment folder and a one-second delay before a portal form may be posted.</summary>
public sealed class IntakePortalHost : ReportingHost
{
    private readonly Key _officeKey = Key.Create(KeyAgreementAlgorithm.X25519);
    private readonly string _attachments = Path.Combine(Path.GetTempPath(), $"intake-browser-attachments-{Guid.NewGuid():N}");

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Intake:Form:MinimumAge"] = "00:00:01";
        settings["Intake:Limits:AttachmentDirectory"] = _attachments;
        settings["Intake:SealingKey:KeyId"] = "office-browser-test";
        settings["Intake:SealingKey:PublicKey"] = Convert.ToBase64String(_officeKey.PublicKey.Export(KeyBlobFormat.RawPublicKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _officeKey.Dispose();
        if (Directory.Exists(_attachments))
            Directory.Delete(_attachments, recursive: true);
    }
}
