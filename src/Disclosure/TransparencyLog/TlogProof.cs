using System.Globalization;
using System.Text;

namespace Reporting.Disclosure.TransparencyLog;

/// <summary>
/// A c2sp.org/tlog-proof@v1 receipt: the entry's index, its inclusion proof and the checkpoint note it is proved
/// against, verbatim with its signatures, so that it can be checked offline with nothing but the log's vkey.
/// </summary>
internal sealed class TlogProof
{
    public const string Header = "c2sp.org/tlog-proof@v1";

    /// <summary>A tree whose size fits a long is at most 63 levels deep.</summary>
    public const int MaxProofHashes = 63;

    public TlogProof(byte[]? extra, long index, IReadOnlyList<byte[]> inclusionProof, string checkpointNote)
    {
        if (extra is { Length: 0 })
            throw new ArgumentException("Extra data, when present, is not empty.", nameof(extra));
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (inclusionProof.Count > MaxProofHashes || inclusionProof.Any(hash => hash.Length != MerkleTree.HashSize))
            throw new ArgumentException($"An inclusion proof is at most {MaxProofHashes} hashes of 32 bytes.", nameof(inclusionProof));
        try
        {
            SignedNote.Parse(checkpointNote);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("The checkpoint is not a signed note.", nameof(checkpointNote), exception);
        }
        Extra = extra?.ToArray();
        Index = index;
        InclusionProof = [.. inclusionProof.Select(hash => hash.ToArray())];
        CheckpointNote = checkpointNote;
    }

    /// <summary>Unauthenticated: the application decides what it means and checks it (here, the record's bytes).</summary>
    public byte[]? Extra { get; }

    public long Index { get; }

    public IReadOnlyList<byte[]> InclusionProof { get; }

    public string CheckpointNote { get; }

    public string Format()
    {
        var text = new StringBuilder(Header).Append('\n');
        if (Extra is not null)
            text.Append("extra ").Append(Convert.ToBase64String(Extra)).Append('\n');
        text.Append("index ").Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in InclusionProof)
            text.Append(Convert.ToBase64String(hash)).Append('\n');
        return text.Append('\n').Append(CheckpointNote).ToString();
    }

    /// <exception cref="FormatException">Not a tlog-proof.</exception>
    public static TlogProof Parse(string text)
    {
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
            throw new FormatException("A tlog-proof has a blank line before its checkpoint.");
        var lines = text[..blank].Split('\n');
        if (lines[0] != Header)
            throw new FormatException($"A tlog-proof starts with the line {Header}.");
        var next = 1;
        byte[]? extra = null;
        if (next < lines.Length && lines[next].StartsWith("extra ", StringComparison.Ordinal))
        {
            extra = StrictText.ParseBase64(lines[next]["extra ".Length..], "extra data");
            if (extra.Length == 0)
                throw new FormatException("The extra line carries no data.");
            next++;
        }
        if (next >= lines.Length || !lines[next].StartsWith("index ", StringComparison.Ordinal))
            throw new FormatException("A tlog-proof names the entry's index after its header and optional extra line.");
        var index = StrictText.ParseDecimal(lines[next]["index ".Length..], "entry index");
        var hashes = lines.Skip(next + 1).Select(line => StrictText.ParseHash(line, "inclusion proof hash")).ToList();
        if (hashes.Count > MaxProofHashes)
            throw new FormatException($"An inclusion proof is at most {MaxProofHashes} hashes.");
        var checkpoint = text[(blank + 2)..];
        try
        {
            return new TlogProof(extra, index, hashes, checkpoint);
        }
        catch (ArgumentException exception)
        {
            throw new FormatException(exception.Message, exception);
        }
    }
}
