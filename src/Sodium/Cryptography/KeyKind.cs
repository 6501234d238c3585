namespace Reporting.Sodium.Cryptography;

internal enum KeyKind
{
    None,
    Symmetric,
    Asymmetric,
}
