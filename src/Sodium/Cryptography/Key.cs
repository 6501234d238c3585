using System.Diagnostics.CodeAnalysis;
using Reporting.Sodium.Interop;

namespace Reporting.Sodium.Cryptography;

/// <summary>
/// A symmetric key or a private key with its public key. The secret lives only in <c>sodium_malloc</c>
/// memory, which <see cref="Dispose"/> zeroes and frees.
/// </summary>
public sealed class Key : IDisposable
{
    private readonly SecureMemoryHandle _secret;
    private readonly PublicKey? _publicKey;
    private int _archived;

    public unsafe Key(Algorithm algorithm, in KeyCreationParameters creationParameters = default)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        SodiumRuntime.EnsureReady();
        using var seed = SecureMemoryHandle.Allocate(algorithm.SeedSize);
        using var lease = seed.Lease();
        Libsodium.randombytes_buf(lease.Pointer, (nuint)lease.Span.Length);
        Algorithm = algorithm;
        ExportPolicy = creationParameters.ExportPolicy;
        _secret = algorithm.CreateKey(lease.Span, out _publicKey);
    }

    private Key(Algorithm algorithm, KeyExportPolicies exportPolicy, SecureMemoryHandle secret, PublicKey? publicKey)
    {
        Algorithm = algorithm;
        ExportPolicy = exportPolicy;
        _secret = secret;
        _publicKey = publicKey;
    }

    public Algorithm Algorithm { get; }

    public KeyExportPolicies ExportPolicy { get; }

    public bool HasPublicKey => _publicKey is not null;

    /// <summary>The public key of a key pair.</summary>
    /// <exception cref="InvalidOperationException">The key is symmetric.</exception>
    public PublicKey PublicKey => _publicKey ?? throw new InvalidOperationException($"{Algorithm.GetType().Name} keys have no public key.");

    public int Size => Algorithm.SeedSize;

    public static Key Create(Algorithm algorithm, in KeyCreationParameters creationParameters = default) =>
        new(algorithm, creationParameters);

    /// <exception cref="ArgumentException">The format does not fit the algorithm, or a raw blob has the wrong length.</exception>
    /// <exception cref="FormatException">The blob is not in the format.</exception>
    public static Key Import(Algorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format, in KeyCreationParameters creationParameters = default)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (KeyBlob.IsRawFormat(format) && blob.Length != algorithm.SeedSize)
        {
            throw new ArgumentException($"A raw {algorithm.GetType().Name} key is {algorithm.SeedSize} bytes long.", nameof(blob));
        }

        return TryImport(algorithm, blob, format, out var key, creationParameters)
            ? key
            : throw new FormatException($"The blob is not a {algorithm.GetType().Name} key in the {format} format.");
    }

    public static bool TryImport(
        Algorithm algorithm,
        ReadOnlySpan<byte> blob,
        KeyBlobFormat format,
        [NotNullWhen(true)] out Key? result,
        in KeyCreationParameters creationParameters = default)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        SodiumRuntime.EnsureReady();
        if (KeyBlob.IsPublicFormat(format))
        {
            throw new ArgumentException($"{format} holds a public key; import it with PublicKey.Import.", nameof(format));
        }

        var header = KeyBlob.HeaderFor(algorithm, format);
        using var seed = SecureMemoryHandle.Allocate(algorithm.SeedSize);
        using var lease = seed.Lease();
        if (!KeyBlob.TryUnwrap(format, blob, header, lease.Span))
        {
            result = null;
            return false;
        }

        result = FromSeed(algorithm, lease.Span, creationParameters.ExportPolicy);
        return true;
    }

    internal static Key FromSeed(Algorithm algorithm, ReadOnlySpan<byte> seed, KeyExportPolicies exportPolicy)
    {
        var secret = algorithm.CreateKey(seed, out var publicKey);
        return new Key(algorithm, exportPolicy, secret, publicKey);
    }

    /// <exception cref="InvalidOperationException">The export policy forbids exporting the secret.</exception>
    /// <exception cref="ObjectDisposedException">The key has been disposed.</exception>
    public byte[] Export(KeyBlobFormat format)
    {
        ObjectDisposedException.ThrowIf(_secret.IsClosed, this);
        if (KeyBlob.IsPublicFormat(format))
        {
            return PublicKey.Export(format);
        }

        var header = KeyBlob.HeaderFor(Algorithm, format);
        AuthoriseSecretExport();
        using var seed = SecureMemoryHandle.Allocate(Algorithm.SeedSize);
        using var lease = seed.Lease();
        Algorithm.ExportSeed(_secret, lease.Span);
        return KeyBlob.Wrap(format, header, lease.Span);
    }

    public void Dispose() => _secret.Dispose();

    /// <summary>Holds the secret for one operation, after checking that it belongs to <paramref name="algorithm"/>.</summary>
    internal SecureMemoryLease Lease(Algorithm algorithm)
    {
        ObjectDisposedException.ThrowIf(_secret.IsClosed, this);
        if (!Algorithm.IsSameAlgorithmAs(algorithm))
        {
            throw new ArgumentException($"The key is a {Algorithm.GetType().Name} key, not a {algorithm.GetType().Name} key.", "key");
        }

        return _secret.Lease();
    }

    private void AuthoriseSecretExport()
    {
        if (ExportPolicy.HasFlag(KeyExportPolicies.AllowPlaintextExport))
        {
            return;
        }

        if (ExportPolicy.HasFlag(KeyExportPolicies.AllowPlaintextArchiving) && Interlocked.Exchange(ref _archived, 1) == 0)
        {
            return;
        }

        throw new InvalidOperationException("The key's export policy does not allow exporting it in plain text.");
    }
}
