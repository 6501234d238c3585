using BenchmarkDotNet.Attributes;
using Reporting.Sodium.Cryptography;
using Reporting.Sodium.Primitives;

namespace Reporting.Sodium.Benchmarks;

/// <summary>Sealed boxes and XChaCha20-Poly1305 over 4 KiB, through the binding and through plain DllImport.</summary>
public class SodiumBenchmarks : IDisposable
{
    private const int PayloadSize = 4096;
    private static readonly byte[] AssociatedData = "case-0001/content"u8.ToArray();

    private readonly byte[] _payload = SecureRandom.GetBytes(PayloadSize);
    private readonly byte[] _nonce = SecureRandom.GetBytes(24);
    private Key _recipient = null!;
    private Key _dataKey = null!;
    private byte[] _recipientPublic = [];
    private byte[] _recipientSecret = [];
    private byte[] _dataKeyBytes = [];
    private byte[] _sealedBox = [];
    private byte[] _ciphertext = [];

    [GlobalSetup]
    public void Setup()
    {
        DirectLibsodium.sodium_init();
        var exportable = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        _recipient = Key.Create(KeyAgreementAlgorithm.X25519, exportable);
        _dataKey = Key.Create(AeadAlgorithm.XChaCha20Poly1305, exportable);
        _recipientPublic = _recipient.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        _recipientSecret = _recipient.Export(KeyBlobFormat.RawPrivateKey);
        _dataKeyBytes = _dataKey.Export(KeyBlobFormat.RawSymmetricKey);
        _sealedBox = SealedBox.Seal(_payload, _recipient.PublicKey);
        _ciphertext = AeadAlgorithm.XChaCha20Poly1305.Encrypt(_dataKey, _nonce, AssociatedData, _payload);
    }

    [Benchmark]
    public byte[] SealBinding() => SealedBox.Seal(_payload, _recipient.PublicKey);

    [Benchmark]
    public unsafe byte[] SealDirect()
    {
        var sealedBox = new byte[_payload.Length + 48];
        fixed (byte* c = sealedBox, m = _payload, pk = _recipientPublic)
        {
            DirectLibsodium.crypto_box_seal(c, m, (ulong)_payload.Length, pk);
        }

        return sealedBox;
    }

    [Benchmark]
    public byte[]? OpenBinding() => SealedBox.TryOpen(_sealedBox, _recipient, out var plaintext) ? plaintext : null;

    [Benchmark]
    public unsafe byte[]? OpenDirect()
    {
        var plaintext = new byte[_sealedBox.Length - 48];
        fixed (byte* m = plaintext, c = _sealedBox, pk = _recipientPublic, sk = _recipientSecret)
        {
            return DirectLibsodium.crypto_box_seal_open(m, c, (ulong)_sealedBox.Length, pk, sk) == 0 ? plaintext : null;
        }
    }

    [Benchmark]
    public byte[] EncryptBinding() => AeadAlgorithm.XChaCha20Poly1305.Encrypt(_dataKey, _nonce, AssociatedData, _payload);

    [Benchmark]
    public unsafe byte[] EncryptDirect()
    {
        var ciphertext = new byte[_payload.Length + 16];
        fixed (byte* c = ciphertext, m = _payload, ad = AssociatedData, n = _nonce, k = _dataKeyBytes)
        {
            DirectLibsodium.crypto_aead_xchacha20poly1305_ietf_encrypt(c, null, m, (ulong)_payload.Length, ad, (ulong)AssociatedData.Length, null, n, k);
        }

        return ciphertext;
    }

    [Benchmark]
    public byte[]? DecryptBinding() => AeadAlgorithm.XChaCha20Poly1305.Decrypt(_dataKey, _nonce, AssociatedData, _ciphertext);

    [Benchmark]
    public unsafe byte[]? DecryptDirect()
    {
        var plaintext = new byte[_ciphertext.Length - 16];
        fixed (byte* m = plaintext, c = _ciphertext, ad = AssociatedData, n = _nonce, k = _dataKeyBytes)
        {
            return DirectLibsodium.crypto_aead_xchacha20poly1305_ietf_decrypt(m, null, null, c, (ulong)_ciphertext.Length, ad, (ulong)AssociatedData.Length, n, k) == 0
                ? plaintext
                : null;
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _recipient.Dispose();
        _dataKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
