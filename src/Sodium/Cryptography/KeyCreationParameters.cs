namespace Reporting.Sodium.Cryptography;

public struct KeyCreationParameters
{
    public KeyExportPolicies ExportPolicy { get; set; }
}
