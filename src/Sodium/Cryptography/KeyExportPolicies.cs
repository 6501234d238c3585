namespace Reporting.Sodium.Cryptography;

[Flags]
public enum KeyExportPolicies
{
    None = 0,

    /// <summary>The private or symmetric key may be exported in plain text any number of times.</summary>
    AllowPlaintextExport = 1,

    /// <summary>The private or symmetric key may be exported in plain text once, to archive it.</summary>
    AllowPlaintextArchiving = 2,
}
