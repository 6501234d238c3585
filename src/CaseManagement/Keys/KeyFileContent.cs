namespace Reporting.CaseManagement.Keys;

/// <summary>
/// The office key file as stored on disk: every private key wrapped (XChaCha20-Poly1305) under a key derived with
/// Argon2id from the operator's passphrase; public keys in clear so that they can be exported without it.
/// </summary>
internal sealed record KeyFileContent(string Format, KeyFileDerivation Derivation, List<KeyFileEntry> Keys)
{
    public const string CurrentFormat = "reporting-office-keys/1";
}

/// <param name="Salt">base64url, 16 bytes.</param>
/// <param name="MemoryKiB">Argon2id memory cost.</param>
internal sealed record KeyFileDerivation(string Algorithm, string Salt, long Passes, long MemoryKiB);

/// <param name="PublicKey">base64url of the raw public key; null for the symmetric key-encryption key.</param>
/// <param name="Wrapped">base64url of nonce ‖ ciphertext ‖ tag, with "purpose:keyId" as associated data.</param>
internal sealed record KeyFileEntry(string Purpose, string KeyId, DateTimeOffset CreatedAt, string? PublicKey, string Wrapped);
