using Reporting.Cryptography.Hpke;
using System.Security.Cryptography;
using Reporting.Intake.Contracts;
using NSec.Cryptography;

namespace Reporting.Intake.Sealing;

/// <summary>
/// Seals fields for the office: a fresh 32-byte data key per envelope, each field under XChaCha20-Poly1305 with a
/// random 24-byte nonce and associated data binding the case id and the field name (so a field cannot be moved to
/// another case or another field unnoticed), and the data key sealed to the office key with HPKE (RFC 9180 base mode, <see cref="SealingInfo.DataKey"/>).
/// </summary>
public static class Envelopes
{
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;

    /// <summary>The plaintext fields are zeroed once sealed.</summary>
    public static SealedEnvelope Seal(OfficeSealingKey office, Guid caseId, IReadOnlyDictionary<string, byte[]> fields)
    {
        var dataKeyBytes = RandomNumberGenerator.GetBytes(Aead.KeySize);
        try
        {
            using var dataKey = Key.Import(Aead, dataKeyBytes, KeyBlobFormat.RawSymmetricKey);
            var sealedFields = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var (name, plaintext) in fields)
            {
                var nonce = RandomNumberGenerator.GetBytes(Aead.NonceSize);
                var ciphertext = Aead.Encrypt(dataKey, nonce, AssociatedData(caseId, name), plaintext);
                sealedFields[name] = [.. nonce, .. ciphertext];
                CryptographicOperations.ZeroMemory(plaintext);
            }
            return new SealedEnvelope(office.KeyId, HpkeEnvelope.Seal(office.PublicKey, SealingInfo.DataKey, dataKeyBytes), sealedFields);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKeyBytes);
        }
    }

    public static byte[] AssociatedData(Guid caseId, string field) => SealedEnvelope.AssociatedData(caseId, field);
}
