using System.Security.Cryptography;
using System.Text;
using Reporting.CaseManagement.Staff.Accounts;
using NSec.Cryptography;

namespace Reporting.CaseManagement.Keys;

/// <summary>
/// Wraps database secrets under the newest key-encryption key: key id length ‖ key id ‖ nonce ‖ ciphertext ‖ tag,
/// with the purpose as associated data so that a wrapped TOTP secret cannot be passed off as a signing key.
/// The key id inside lets old wrappings open after the key-encryption key was rotated.
/// </summary>
internal sealed class KeyEncryptionWrapping(OfficeKeys keys) : ISecretWrapping
{
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;

    public byte[] Wrap(ReadOnlySpan<byte> secret, string purpose)
    {
        var kek = keys.Current(OfficeKeyPurpose.KeyEncryption);
        var keyId = Encoding.UTF8.GetBytes(kek.KeyId);
        var nonce = RandomNumberGenerator.GetBytes(Aead.NonceSize);
        var ciphertext = Aead.Encrypt(kek.Key, nonce, Encoding.UTF8.GetBytes(purpose), secret);
        return [(byte)keyId.Length, .. keyId, .. nonce, .. ciphertext];
    }

    public byte[] Unwrap(byte[] wrapped, string purpose)
    {
        if (wrapped.Length < 1 || wrapped.Length < 1 + wrapped[0] + Aead.NonceSize + Aead.TagSize)
            throw new CryptographicException("The wrapped secret is malformed.");
        var keyId = Encoding.UTF8.GetString(wrapped, 1, wrapped[0]);
        var kek = keys.Find(keyId) is { Purpose.Name: "key-encryption" } found
            ? found
            : throw new CryptographicException($"The key-encryption key {keyId} is not in the office key file.");
        var nonceStart = 1 + wrapped[0];
        return Aead.Decrypt(kek.Key, wrapped.AsSpan(nonceStart, Aead.NonceSize), Encoding.UTF8.GetBytes(purpose), wrapped.AsSpan(nonceStart + Aead.NonceSize))
            ?? throw new CryptographicException("The wrapped secret was altered or belongs to another purpose.");
    }
}
