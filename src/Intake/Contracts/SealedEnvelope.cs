namespace Reporting.Intake.Contracts;

/// <summary>
/// Content sealed for the office: each field encrypted with XChaCha20-Poly1305 under one fresh 32-byte data key,
/// with associated data binding the case id and the field name, and the data key sealed with HPKE (RFC 9180,
/// <see cref="SealingInfo.DataKey"/>) to the office's X25519 key <see cref="SealingKeyId"/>. Nothing in it is readable without the office's private key.
/// </summary>
/// <param name="SealingKeyId">Which office key the data key is sealed to (keys rotate; old ones still open old envelopes).</param>
/// <param name="SealedDataKey">The data key, sealed to that office key: an HPKE envelope (version ‖ enc ‖ ciphertext).</param>
/// <param name="Fields">Field name → nonce ‖ ciphertext ‖ tag.</param>
public sealed record SealedEnvelope(string SealingKeyId, byte[] SealedDataKey, IReadOnlyDictionary<string, byte[]> Fields)
{
    /// <summary>"reporting/envelope/v1|{case id}|{field}": what every field's tag also vouches for, so a field cannot be moved to another case or field unnoticed.</summary>
    public static byte[] AssociatedData(Guid caseId, string field) => System.Text.Encoding.UTF8.GetBytes($"reporting/envelope/v1|{caseId:D}|{field}");
}
