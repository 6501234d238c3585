using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Reporting.Sodium.Cryptography;

/// <summary>Authenticated encryption with associated data. The ciphertext is the encrypted text followed by the tag.</summary>
public abstract class AeadAlgorithm : Algorithm
{
    private protected AeadAlgorithm(int keySize, int nonceSize, int tagSize)
    {
        KeySize = keySize;
        NonceSize = nonceSize;
        TagSize = tagSize;
    }

    public static XChaCha20Poly1305 XChaCha20Poly1305 { get; } = new();

    public static ChaCha20Poly1305 ChaCha20Poly1305 { get; } = new();

    public int KeySize { get; }

    public int NonceSize { get; }

    public int TagSize { get; }

    internal override KeyKind KeyKind => KeyKind.Symmetric;

    internal override int SeedSize => KeySize;

    public byte[] Encrypt(Key key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext)
    {
        if (plaintext.Length > int.MaxValue - TagSize)
        {
            throw new ArgumentException("The plaintext is too long.", nameof(plaintext));
        }

        var ciphertext = new byte[plaintext.Length + TagSize];
        Encrypt(key, nonce, associatedData, plaintext, ciphertext);
        return ciphertext;
    }

    public unsafe void Encrypt(Key key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var lease = key.Lease(this);
        RequireNonce(nonce);
        if (ciphertext.Length != (long)plaintext.Length + TagSize)
        {
            throw new ArgumentException($"The ciphertext buffer must be the plaintext length plus {TagSize} bytes.", nameof(ciphertext));
        }

        fixed (byte* n = nonce, ad = associatedData, m = plaintext, c = ciphertext)
        {
            EncryptCore(lease.Pointer, n, ad, associatedData.Length, m, plaintext.Length, c);
        }
    }

    /// <returns>The plaintext, or null when the ciphertext, tag, nonce, associated data or key do not match.</returns>
    public byte[]? Decrypt(Key key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext)
    {
        TryDecrypt(key, nonce, associatedData, ciphertext, out var plaintext);
        return plaintext;
    }

    public bool TryDecrypt(Key key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext, [NotNullWhen(true)] out byte[]? plaintext)
    {
        var buffer = new byte[Math.Max(ciphertext.Length - TagSize, 0)];
        plaintext = Decrypt(key, nonce, associatedData, ciphertext, buffer) ? buffer : null;
        return plaintext is not null;
    }

    /// <returns>False, with <paramref name="plaintext"/> zeroed, when the ciphertext does not authenticate.</returns>
    public unsafe bool Decrypt(Key key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext, Span<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var lease = key.Lease(this);
        RequireNonce(nonce);
        if (ciphertext.Length < TagSize)
        {
            return false;
        }

        if (plaintext.Length != ciphertext.Length - TagSize)
        {
            throw new ArgumentException($"The plaintext buffer must be the ciphertext length minus {TagSize} bytes.", nameof(plaintext));
        }

        bool authentic;
        fixed (byte* n = nonce, ad = associatedData, c = ciphertext, m = plaintext)
        {
            authentic = DecryptCore(lease.Pointer, n, ad, associatedData.Length, c, ciphertext.Length, m);
        }

        if (!authentic)
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }

        return authentic;
    }

    private protected abstract unsafe void EncryptCore(byte* key, byte* nonce, byte* associatedData, int associatedDataLength, byte* plaintext, int plaintextLength, byte* ciphertext);

    private protected abstract unsafe bool DecryptCore(byte* key, byte* nonce, byte* associatedData, int associatedDataLength, byte* ciphertext, int ciphertextLength, byte* plaintext);

    private void RequireNonce(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException($"{GetType().Name} nonces are {NonceSize} bytes long.", nameof(nonce));
        }
    }
}
