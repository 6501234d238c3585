using System.Diagnostics.CodeAnalysis;
using Reporting.Sodium.Interop;

namespace Reporting.Sodium.Cryptography;

public sealed class PublicKey : IEquatable<PublicKey>
{
    private readonly byte[] _bytes;

    internal PublicKey(Algorithm algorithm, byte[] bytes)
    {
        Algorithm = algorithm;
        _bytes = bytes;
    }

    public Algorithm Algorithm { get; }

    public int Size => _bytes.Length;

    internal ReadOnlySpan<byte> Bytes => _bytes;

    /// <exception cref="ArgumentException">The format does not fit the algorithm, or a raw blob has the wrong length.</exception>
    /// <exception cref="FormatException">The blob is not in the format.</exception>
    public static PublicKey Import(Algorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (format == KeyBlobFormat.RawPublicKey && blob.Length != algorithm.PublicKeyBytes)
        {
            throw new ArgumentException($"A raw {algorithm.GetType().Name} public key is {algorithm.PublicKeyBytes} bytes long.", nameof(blob));
        }

        return TryImport(algorithm, blob, format, out var key)
            ? key
            : throw new FormatException($"The blob is not a {algorithm.GetType().Name} public key in the {format} format.");
    }

    public static bool TryImport(Algorithm algorithm, ReadOnlySpan<byte> blob, KeyBlobFormat format, [NotNullWhen(true)] out PublicKey? result)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        SodiumRuntime.EnsureReady();
        if (!KeyBlob.IsPublicFormat(format))
        {
            throw new ArgumentException($"{format} is not a public key format.", nameof(format));
        }

        var header = KeyBlob.HeaderFor(algorithm, format);
        var bytes = new byte[algorithm.PublicKeyBytes];
        result = KeyBlob.TryUnwrap(format, blob, header, bytes) ? new PublicKey(algorithm, bytes) : null;
        return result is not null;
    }

    public byte[] Export(KeyBlobFormat format)
    {
        if (!KeyBlob.IsPublicFormat(format))
        {
            throw new ArgumentException($"{format} is not a public key format.", nameof(format));
        }

        return KeyBlob.Wrap(format, KeyBlob.HeaderFor(Algorithm, format), _bytes);
    }

    public bool Equals(PublicKey? other) =>
        other is not null && Algorithm.IsSameAlgorithmAs(other.Algorithm) && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as PublicKey);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    internal void EnsureAlgorithm(Algorithm algorithm, string parameterName)
    {
        if (!Algorithm.IsSameAlgorithmAs(algorithm))
        {
            throw new ArgumentException($"The public key is a {Algorithm.GetType().Name} key, not a {algorithm.GetType().Name} key.", parameterName);
        }
    }
}
