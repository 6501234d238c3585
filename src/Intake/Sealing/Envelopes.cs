using System.Security.Cryptography;
using Reporting.Intake.Contracts;
using Reporting.Sodium.Cryptography;
using Reporting.Sodium.Primitives;

namespace Reporting.Intake.Sealing;

/// <summary>
/// Seals fields for the office: a fresh 32-byte data key per envelope, each field under XChaCha20-Poly1305 with a
/// random 24-byte nonce and associated data binding the case id and the field name (so a field cannot be moved to
/// another case or another field unnoticed), and the data key sealed to the office key with <c>crypto_box_seal</c>.
/// </summary>
public static class Envelopes
{
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;

    /// <summary>The plaintext fields are zeroed once sealed.</summary>
    public static SealedEnvelope Seal(OfficeSealingKey office, Guid caseId, IReadOnlyDictionary<string, byte[]> fields)
    {
        var dataKeyBytes = SecureRandom.GetBytes(Aead.KeySize);
        try
        {
            using var dataKey = Key.Import(Aead, dataKeyBytes, KeyBlobFormat.RawSymmetricKey);
            var sealedFields = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var (name, plaintext) in fields)
            {
                var nonce = SecureRandom.GetBytes(Aead.NonceSize);
                var ciphertext = Aead.Encrypt(dataKey, nonce, AssociatedData(caseId, name), plaintext);
                sealedFields[name] = [.. nonce, .. ciphertext];
                CryptographicOperations.ZeroMemory(plaintext);
            }
            return new SealedEnvelope(office.KeyId, SealedBox.Seal(dataKeyBytes, office.PublicKey), sealedFields);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKeyBytes);
        }
    }

    public static byte[] AssociatedData(Guid caseId, string field) => SealedEnvelope.AssociatedData(caseId, field);
}
