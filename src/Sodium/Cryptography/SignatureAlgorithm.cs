namespace Reporting.Sodium.Cryptography;

public abstract class SignatureAlgorithm : Algorithm
{
    private protected SignatureAlgorithm(int privateKeySize, int publicKeySize, int signatureSize)
    {
        PrivateKeySize = privateKeySize;
        PublicKeySize = publicKeySize;
        SignatureSize = signatureSize;
    }

    public static Ed25519 Ed25519 { get; } = new();

    public int PrivateKeySize { get; }

    public int PublicKeySize { get; }

    public int SignatureSize { get; }

    internal override KeyKind KeyKind => KeyKind.Asymmetric;

    internal override int SeedSize => PrivateKeySize;

    internal override int PublicKeyBytes => PublicKeySize;

    public byte[] Sign(Key key, ReadOnlySpan<byte> data)
    {
        var signature = new byte[SignatureSize];
        Sign(key, data, signature);
        return signature;
    }

    public void Sign(Key key, ReadOnlySpan<byte> data, Span<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (signature.Length != SignatureSize)
        {
            throw new ArgumentException($"{GetType().Name} signatures are {SignatureSize} bytes long.", nameof(signature));
        }

        SignCore(key, data, signature);
    }

    /// <returns>True only for a valid signature of exactly this data under this public key.</returns>
    public bool Verify(PublicKey publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        publicKey.EnsureAlgorithm(this, nameof(publicKey));
        return signature.Length == SignatureSize && VerifyCore(publicKey, data, signature);
    }

    private protected abstract void SignCore(Key key, ReadOnlySpan<byte> data, Span<byte> signature);

    private protected abstract bool VerifyCore(PublicKey publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);
}
