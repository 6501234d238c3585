using System.Buffers.Binary;
using NSec.Cryptography;

namespace Reporting.Disclosure.TransparencyLog;

/// <summary>An Ed25519 key that signs notes under a name; the caller keeps ownership of the key.</summary>
internal sealed class NoteSigner
{
    private readonly Key _key;

    public NoteSigner(string name, Key key)
    {
        VerifierKey = NoteVerifierKey.ForEd25519(name, key.PublicKey);
        _key = key;
    }

    public NoteVerifierKey VerifierKey { get; }

    /// <summary>keyId (4 bytes, big-endian) ‖ Ed25519 signature: what a signature line carries in base64.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signature = new byte[4 + SignatureAlgorithm.Ed25519.SignatureSize];
        BinaryPrimitives.WriteUInt32BigEndian(signature, VerifierKey.KeyId);
        SignatureAlgorithm.Ed25519.Sign(_key, message, signature.AsSpan(4));
        return signature;
    }
}
