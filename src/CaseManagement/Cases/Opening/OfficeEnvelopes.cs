using Reporting.Cryptography.Hpke;
using System.Security.Cryptography;
using Reporting.CaseManagement.Keys;
using Reporting.Intake.Contracts;
using NSec.Cryptography;

namespace Reporting.CaseManagement.Cases.Opening;

/// <summary>
/// Opens what informants sealed for the office: the data key with the office's private sealing key of the envelope's key
/// id (old keys still open old envelopes), then each field, whose tag also vouches for the case id and field name.
/// </summary>
public sealed class OfficeEnvelopes(OfficeKeys keys)
{
    private static readonly AeadAlgorithm Aead = AeadAlgorithm.XChaCha20Poly1305;

    /// <summary>The fields asked for, or null when the envelope cannot be opened here: an unknown key, or altered content.</summary>
    public IReadOnlyDictionary<string, byte[]>? Open(SealedEnvelope envelope, Guid caseId, params string[] fields)
    {
        var dataKey = OpenDataKey(envelope.SealingKeyId, envelope.SealedDataKey);
        if (dataKey is null)
            return null;
        using (dataKey)
        {
            var opened = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                if (!envelope.Fields.TryGetValue(field, out var sealedField))
                    continue;
                var plaintext = Decrypt(dataKey, caseId, field, sealedField);
                if (plaintext is null)
                    return null;
                opened[field] = plaintext;
            }
            return opened;
        }
    }

    /// <summary>One field sealed on its own under the same scheme (a case list's title), or null as for <see cref="Open"/>.</summary>
    public byte[]? OpenField(string sealingKeyId, byte[] sealedDataKey, Guid caseId, string field, byte[] sealedField)
    {
        using var dataKey = OpenDataKey(sealingKeyId, sealedDataKey);
        return dataKey is null ? null : Decrypt(dataKey, caseId, field, sealedField);
    }

    private Key? OpenDataKey(string sealingKeyId, byte[] sealedDataKey)
    {
        if (keys.Find(sealingKeyId) is not { } office || office.Purpose != OfficeKeyPurpose.Sealing)
            return null;
        if (!HpkeEnvelope.TryOpen(office.Key, SealingInfo.DataKey, sealedDataKey, out var dataKeyBytes))
            return null;
        try
        {
            return dataKeyBytes.Length == Aead.KeySize ? Key.Import(Aead, dataKeyBytes, KeyBlobFormat.RawSymmetricKey) : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKeyBytes);
        }
    }

    private static byte[]? Decrypt(Key dataKey, Guid caseId, string field, byte[] sealedField)
    {
        if (sealedField.Length < Aead.NonceSize + Aead.TagSize)
            return null;
        var nonce = sealedField.AsSpan(0, Aead.NonceSize);
        return Aead.Decrypt(dataKey, nonce, SealedEnvelope.AssociatedData(caseId, field), sealedField.AsSpan(Aead.NonceSize));
    }
}
