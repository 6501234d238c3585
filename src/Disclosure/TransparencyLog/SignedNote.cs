using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Reporting.Disclosure.TransparencyLog;

/// <summary>
/// A c2sp.org/signed-note v1.0.0: text ending in a newline, a blank line, then lines
/// <c>— &lt;name&gt; &lt;base64(keyId ‖ signature)&gt;</c>. The signed message is the text with its final newline.
/// </summary>
internal sealed class SignedNote
{
    /// <summary>The spec asks verifiers to accept at least 16; Go's note.Open stops at 100.</summary>
    public const int MaxSignatures = 100;

    private const string SignaturePrefix = "\u2014 ";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SignedNote(string text, IReadOnlyList<NoteSignature> signatures)
    {
        Text = text;
        Signatures = signatures;
    }

    public string Text { get; }

    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>
    /// The whole note, one signature line per signer in the order given. Several signers cover a key rotation: old
    /// and new log keys both sign during the overlap, and each verifier finds the key it knows.
    /// </summary>
    public static string Sign(string text, IEnumerable<NoteSigner> signers)
    {
        if (!text.EndsWith('\n'))
            throw new ArgumentException("A note's text ends in a newline.", nameof(text));
        if (ForbiddenCharacters(text) is { } reason)
            throw new ArgumentException(reason, nameof(text));
        var message = Utf8.GetBytes(text);
        var note = new StringBuilder(text).Append('\n');
        var count = 0;
        foreach (var signer in signers)
        {
            note.Append(SignaturePrefix).Append(signer.VerifierKey.Name).Append(' ').Append(Convert.ToBase64String(signer.Sign(message))).Append('\n');
            count++;
        }
        if (count is 0 or > MaxSignatures)
            throw new ArgumentException($"A note carries 1 to {MaxSignatures} signatures.", nameof(signers));
        return note.ToString();
    }

    /// <summary>The note's parts, no signature checked.</summary>
    /// <exception cref="FormatException">Not a signed note.</exception>
    public static SignedNote Parse(string note)
    {
        if (ForbiddenCharacters(note) is { } reason)
            throw new FormatException(reason);
        // Signatures start after the last blank line; the text may hold blank lines of its own.
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
            throw new FormatException("A signed note has a blank line before its signatures.");
        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0 || !block.EndsWith('\n'))
            throw new FormatException("A signed note ends in signature lines, each ending in a newline.");

        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
            throw new FormatException($"The note has more than {MaxSignatures} signatures.");
        var signatures = new List<NoteSignature>(lines.Length);
        foreach (var line in lines)
        {
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
                throw new FormatException("A signature line starts with an em dash and a space.");
            var parts = line[SignaturePrefix.Length..].Split(' ');
            if (parts.Length != 2 || !NoteVerifierKey.IsValidName(parts[0]))
                throw new FormatException("A signature line is a key name and a base64 signature, separated by one space.");
            var bytes = StrictText.ParseBase64(parts[1], "signature");
            if (bytes.Length < 5)
                throw new FormatException("A signature is a 4-byte key id and at least one byte of signature.");
            signatures.Add(new NoteSignature(parts[0], BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]));
        }
        return new SignedNote(text, signatures);
    }

    /// <summary>
    /// Parses the note and checks it against the keys the caller trusts, as signed-note says: signatures by unknown
    /// (name, key id) pairs are ignored, a known pair whose signature fails rejects the note, and so does a note that no
    /// known key signed.
    /// </summary>
    /// <returns>The note, with the known keys that signed it.</returns>
    /// <exception cref="FormatException">Not a signed note.</exception>
    /// <exception cref="CryptographicException">A known key's signature fails, or no known key signed.</exception>
    public static (SignedNote Note, IReadOnlyList<NoteVerifierKey> SignedBy) Open(string note, IEnumerable<NoteVerifierKey> knownKeys)
    {
        var known = new Dictionary<(string, uint), NoteVerifierKey>();
        foreach (var key in knownKeys)
        {
            if (known.TryGetValue((key.Name, key.KeyId), out var other) && other != key)
                throw new ArgumentException($"Two known keys share the name {key.Name} and key id {key.KeyId:x8}.", nameof(knownKeys));
            known[(key.Name, key.KeyId)] = key;
        }

        var parsed = Parse(note);
        var message = Utf8.GetBytes(parsed.Text);
        var signedBy = new List<NoteVerifierKey>();
        foreach (var signature in parsed.Signatures)
        {
            if (!known.TryGetValue((signature.Name, signature.KeyId), out var key))
                continue;
            if (!key.Verifies(message, signature.Signature))
                throw new CryptographicException($"The signature of {key.Name}+{key.KeyId:x8} does not verify.");
            if (!signedBy.Contains(key))
                signedBy.Add(key);
        }
        if (signedBy.Count == 0)
            throw new CryptographicException("No known key signed the note.");
        return (parsed, signedBy);
    }

    private static string? ForbiddenCharacters(string text) =>
        !StrictText.IsWellFormedUtf16(text) ? "A note is UTF-8 text; this one holds a lone surrogate."
        : text.Any(c => c < 0x20 && c != '\n') ? "A note holds no control characters but newlines."
        : null;
}
