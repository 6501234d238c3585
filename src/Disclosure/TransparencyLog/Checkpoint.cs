using System.Globalization;

namespace Reporting.Disclosure.TransparencyLog;

/// <summary>
/// The text of a c2sp.org/tlog-checkpoint v1.0.0 note: origin, tree size, root hash, one a line. No timestamp and
/// no extension lines are written: monitors cannot audit extensions, and times come from cosignatures.
/// </summary>
internal sealed class Checkpoint
{
    public Checkpoint(string origin, long size, byte[] rootHash)
    {
        // The spec only recommends these rules for origins; ours is also the log key's name, which must obey them.
        if (!NoteVerifierKey.IsValidName(origin))
            throw new ArgumentException($"\"{origin}\" is not an origin: it must be non-empty, without spaces or '+'.", nameof(origin));
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (rootHash.Length != MerkleTree.HashSize)
            throw new ArgumentException("A root hash is 32 bytes.", nameof(rootHash));
        if (size == 0 && !rootHash.AsSpan().SequenceEqual(MerkleTree.EmptyRootHash()))
            throw new ArgumentException("The empty tree's root is SHA-256 of the empty string.", nameof(rootHash));
        Origin = origin;
        Size = size;
        RootHash = rootHash.ToArray();
    }

    public string Origin { get; }

    public long Size { get; }

    public byte[] RootHash { get; }

    public string ToNoteText() => $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(RootHash)}\n";

    /// <summary>Reads a checkpoint's note text (signatures checked already); extension lines are passed over.</summary>
    /// <exception cref="FormatException">Not a checkpoint in the one spelling the spec allows.</exception>
    public static Checkpoint Parse(string noteText)
    {
        if (!noteText.EndsWith('\n'))
            throw new FormatException("A checkpoint's text ends in a newline.");
        var lines = noteText[..^1].Split('\n');
        if (lines.Length < 3 || lines.Any(line => line.Length == 0))
            throw new FormatException("A checkpoint has an origin, a size and a root hash, then optional non-empty extension lines.");
        if (!NoteVerifierKey.IsValidName(lines[0]))
            throw new FormatException("The checkpoint's origin holds a space or a '+'.");
        var size = StrictText.ParseDecimal(lines[1], "checkpoint's tree size");
        var root = StrictText.ParseHash(lines[2], "checkpoint's root hash");
        if (size == 0 && !root.AsSpan().SequenceEqual(MerkleTree.EmptyRootHash()))
            throw new FormatException("A checkpoint of size 0 has the empty tree's root.");
        return new Checkpoint(lines[0], size, root);
    }
}
