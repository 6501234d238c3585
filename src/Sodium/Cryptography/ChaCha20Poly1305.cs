using static Reporting.Sodium.Interop.Libsodium;

namespace Reporting.Sodium.Cryptography;

/// <summary>ChaCha20-Poly1305 as in RFC 8439: a 12-byte nonce, which must never repeat under one key.</summary>
public sealed class ChaCha20Poly1305 : AeadAlgorithm
{
    internal ChaCha20Poly1305()
        : base(crypto_aead_chacha20poly1305_ietf_KEYBYTES, crypto_aead_chacha20poly1305_ietf_NPUBBYTES, crypto_aead_chacha20poly1305_ietf_ABYTES)
    {
    }

    internal override byte[] NSecPrivateBlobHeader => [0xDE, 0x61, 0x43, 0xDE, KeyBytes, 0, TagBytes, 0];

    private const byte KeyBytes = crypto_aead_chacha20poly1305_ietf_KEYBYTES;
    private const byte TagBytes = crypto_aead_chacha20poly1305_ietf_ABYTES;

    private protected override unsafe void EncryptCore(byte* key, byte* nonce, byte* associatedData, int associatedDataLength, byte* plaintext, int plaintextLength, byte* ciphertext) =>
        crypto_aead_chacha20poly1305_ietf_encrypt(ciphertext, null, plaintext, (ulong)plaintextLength, associatedData, (ulong)associatedDataLength, null, nonce, key);

    private protected override unsafe bool DecryptCore(byte* key, byte* nonce, byte* associatedData, int associatedDataLength, byte* ciphertext, int ciphertextLength, byte* plaintext) =>
        crypto_aead_chacha20poly1305_ietf_decrypt(plaintext, null, null, ciphertext, (ulong)ciphertextLength, associatedData, (ulong)associatedDataLength, nonce, key) == 0;
}
