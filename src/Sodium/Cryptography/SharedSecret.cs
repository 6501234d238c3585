using Reporting.Sodium.Interop;

namespace Reporting.Sodium.Cryptography;

/// <summary>The output of a key agreement, kept in secure memory and usable only as key-derivation input.</summary>
public sealed class SharedSecret : IDisposable
{
    private readonly SecureMemoryHandle _secret;

    internal SharedSecret(SecureMemoryHandle secret) => _secret = secret;

    public int Size => _secret.Length;

    /// <summary>Wraps secret bytes that came from elsewhere, such as a key agreement done by another party's library.</summary>
    public static SharedSecret Import(ReadOnlySpan<byte> sharedSecret)
    {
        SodiumRuntime.EnsureReady();
        if (sharedSecret.IsEmpty || sharedSecret.Length > 128)
        {
            throw new ArgumentException("A shared secret is between 1 and 128 bytes long.", nameof(sharedSecret));
        }

        return new SharedSecret(SecureMemoryHandle.CopyOf(sharedSecret));
    }

    public void Dispose() => _secret.Dispose();

    internal SecureMemoryLease Lease()
    {
        ObjectDisposedException.ThrowIf(_secret.IsClosed, this);
        return _secret.Lease();
    }
}
