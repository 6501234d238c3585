namespace Reporting.Sodium.Cryptography;

/// <summary>Key blob formats, named and laid out as in NSec so that blobs move between the two unchanged.</summary>
public enum KeyBlobFormat
{
    None = 0,

    RawSymmetricKey = -1,
    RawPrivateKey = -2,
    NSecSymmetricKey = -101,
    NSecPrivateKey = -102,
    PkixPrivateKey = -202,
    PkixPrivateKeyText = -203,

    RawPublicKey = 1,
    NSecPublicKey = 101,
    PkixPublicKey = 201,
    PkixPublicKeyText = 202,
}
