using Reporting.CaseManagement.Keys;
using Reporting.Intake.Sealing;

namespace Reporting.Host;

/// <summary>
/// When Intake and case management share a host, Intake seals to the public half of the office's current sealing key
/// from key custody, so that staff can open every report; a host running Intake alone takes the key from configuration.
/// </summary>
internal sealed class OfficeKeysSealing(OfficeKeys keys) : IOfficeSealingKeyProvider
{
    private readonly Lazy<OfficeSealingKey> _current = new(() =>
    {
        var current = keys.Current(OfficeKeyPurpose.Sealing);
        return OfficeSealingKey.Create(current.KeyId, current.Key.PublicKey);
    });

    public OfficeSealingKey? Current => _current.Value;
}
