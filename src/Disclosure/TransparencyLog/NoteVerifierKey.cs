using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Reporting.Disclosure.TransparencyLog;

/// <summary>
/// A c2sp.org/signed-note verifier key for Ed25519 (signature type 0x01): <c>name+hex8(keyId)+base64(0x01 ‖ key)</c>.
/// The (name, key id) pair is what a signature line names; only the public key proves anything.
/// </summary>
internal sealed record NoteVerifierKey
{
    private const byte Ed25519Type = 0x01;

    private NoteVerifierKey(string name, uint keyId, PublicKey publicKey)
    {
        Name = name;
        KeyId = keyId;
        PublicKey = publicKey;
    }

    public string Name { get; }

    public uint KeyId { get; }

    public PublicKey PublicKey { get; }

    public static NoteVerifierKey ForEd25519(string name, PublicKey publicKey)
    {
        if (!IsValidName(name))
            throw new ArgumentException($"\"{name}\" is not a note key name: it must be non-empty, without spaces or '+'.", nameof(name));
        if (publicKey.Algorithm != SignatureAlgorithm.Ed25519)
            throw new ArgumentException("Only Ed25519 note keys are used here.", nameof(publicKey));
        return new NoteVerifierKey(name, Ed25519KeyId(name, publicKey.Export(KeyBlobFormat.RawPublicKey)), publicKey);
    }

    /// <exception cref="FormatException">Not an Ed25519 vkey, or its key id is not the one its name and key give.</exception>
    public static NoteVerifierKey Parse(string vkey)
    {
        // The name and key id hold no '+'; the base64 after them may.
        var parts = vkey.Split('+', 3);
        if (parts.Length != 3 || !IsValidName(parts[0]) || parts[1].Length != 8 || !parts[1].All(char.IsAsciiHexDigitLower)
            || !uint.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId))
            throw new FormatException("A verifier key is name+hex8+base64, the name without spaces or '+'.");
        var key = StrictText.ParseBase64(parts[2], "verifier key");
        if (key.Length != 33 || key[0] != Ed25519Type)
            throw new FormatException("The verifier key is not an Ed25519 (0x01) key of 32 bytes.");
        if (Ed25519KeyId(parts[0], key.AsSpan(1)) != keyId)
            throw new FormatException($"The key id {parts[1]} does not match the key name and public key.");
        return new NoteVerifierKey(parts[0], keyId, PublicKey.Import(SignatureAlgorithm.Ed25519, key.AsSpan(1), KeyBlobFormat.RawPublicKey));
    }

    /// <summary>SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[0:4], big-endian.</summary>
    public static uint Ed25519KeyId(string name, ReadOnlySpan<byte> publicKey) =>
        BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData([.. Encoding.UTF8.GetBytes(name), 0x0A, Ed25519Type, .. publicKey]));

    /// <summary>Non-empty, no Unicode white space, no '+': what keeps a signature line and a vkey unambiguous.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && !name.Contains('+', StringComparison.Ordinal) && StrictText.IsWellFormedUtf16(name)
        && name.EnumerateRunes().All(rune => !Rune.IsWhiteSpace(rune) && !Rune.IsControl(rune));

    public override string ToString() =>
        $"{Name}+{KeyId.ToString("x8", CultureInfo.InvariantCulture)}+{Convert.ToBase64String([Ed25519Type, .. PublicKey.Export(KeyBlobFormat.RawPublicKey)])}";

    internal bool Verifies(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureAlgorithm.Ed25519.SignatureSize && SignatureAlgorithm.Ed25519.Verify(PublicKey, message, signature);
}
