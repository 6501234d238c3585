namespace Reporting.Sodium.Cryptography;

public abstract class KeyAgreementAlgorithm : Algorithm
{
    private protected KeyAgreementAlgorithm(int privateKeySize, int publicKeySize, int sharedSecretSize)
    {
        PrivateKeySize = privateKeySize;
        PublicKeySize = publicKeySize;
        SharedSecretSize = sharedSecretSize;
    }

    public static X25519 X25519 { get; } = new();

    public int PrivateKeySize { get; }

    public int PublicKeySize { get; }

    public int SharedSecretSize { get; }

    internal override KeyKind KeyKind => KeyKind.Asymmetric;

    internal override int SeedSize => PrivateKeySize;

    internal override int PublicKeyBytes => PublicKeySize;

    /// <returns>The shared secret, or null when the other party's key is a low-order point (the result would be all zeros).</returns>
    public SharedSecret? Agree(Key key, PublicKey otherPartyPublicKey)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(otherPartyPublicKey);
        otherPartyPublicKey.EnsureAlgorithm(this, nameof(otherPartyPublicKey));
        return AgreeCore(key, otherPartyPublicKey);
    }

    private protected abstract SharedSecret? AgreeCore(Key key, PublicKey otherPartyPublicKey);
}
