using NSec.Cryptography;

namespace Reporting.CaseManagement.Keys;

/// <summary>The kinds of office key, each with its algorithm and the prefix of its key ids.</summary>
public sealed record OfficeKeyPurpose(string Name, string KeyIdPrefix, Algorithm Algorithm)
{
    /// <summary>X25519: report envelopes' data keys are sealed to it.</summary>
    public static readonly OfficeKeyPurpose Sealing = new("sealing", "seal", KeyAgreementAlgorithm.X25519);

    /// <summary>Ed25519: signs each published version of a disposition notice.</summary>
    public static readonly OfficeKeyPurpose NoticeSigning = new("notice-signing", "sign", SignatureAlgorithm.Ed25519);

    /// <summary>
    /// Ed25519: signs the transparency log's checkpoints (C2SP signed notes). Not the notice key: transparency.md keeps
    /// a log's key to that one kind of statement, and a witness trusts it without trusting notices.
    /// </summary>
    public static readonly OfficeKeyPurpose LogSigning = new("log-signing", "log", SignatureAlgorithm.Ed25519);

    /// <summary>XChaCha20-Poly1305: wraps the secrets kept in the database (token signing keys, TOTP secrets).</summary>
    public static readonly OfficeKeyPurpose KeyEncryption = new("key-encryption", "kek", AeadAlgorithm.XChaCha20Poly1305);

    /// <summary>
    /// Ed25519: signs the event store's integrity checkpoints. Its own key, not the notice key: a signature made for one
    /// kind of statement must never be presentable as the other.
    /// </summary>
    public static readonly OfficeKeyPurpose CheckpointSigning = new("checkpoint-signing", "ckpt", SignatureAlgorithm.Ed25519);

    public static readonly IReadOnlyList<OfficeKeyPurpose> All = [Sealing, NoticeSigning, LogSigning, KeyEncryption, CheckpointSigning];

    public static OfficeKeyPurpose Named(string name) =>
        All.FirstOrDefault(purpose => purpose.Name == name) ?? throw new ArgumentException($"No key purpose is named {name}.", nameof(name));

    /// <summary>The raw form each key is stored in: a 32-byte seed or symmetric key, never an expanded secret key.</summary>
    public KeyBlobFormat PrivateFormat => Algorithm is AeadAlgorithm ? KeyBlobFormat.RawSymmetricKey : KeyBlobFormat.RawPrivateKey;
}
