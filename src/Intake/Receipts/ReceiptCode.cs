using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Reporting.Intake.Receipts;

/// <summary>
/// The informant's only key to a report: 19 random Crockford base32 characters (95 bits) and one check character,
/// shown as five groups of four. The check is a weighted sum over GF(32) with distinct powers of a primitive element
/// as weights, so that every single mistyped character and every swap of two neighbours is caught before any lookup.
/// (20 random characters and a check character would not fit the five groups of four; see docs/decisions.md.)
/// </summary>
public sealed class ReceiptCode
{
    public const int RandomCharacters = 19;
    public const int Length = RandomCharacters + 1;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly string _characters;

    private ReceiptCode(string characters) => _characters = characters;

    public static ReceiptCode Generate()
    {
        // One draw of 96 bits, cut into 19 groups of 5: each group indexes the 32-letter alphabet exactly, so no letter
        // is favoured, and one call to the generator costs a twentieth of one call per character.
        Span<byte> random = stackalloc byte[16];
        random.Clear();
        RandomNumberGenerator.Fill(random[..12]);
        var bits = BinaryPrimitives.ReadUInt128LittleEndian(random);
        Span<char> characters = stackalloc char[Length];
        for (var i = 0; i < RandomCharacters; i++)
            characters[i] = Alphabet[(int)(bits >> (5 * i)) & 31];
        characters[RandomCharacters] = Alphabet[CheckValue(characters[..RandomCharacters])];
        CryptographicOperations.ZeroMemory(random);
        return new ReceiptCode(new string(characters));
    }

    /// <summary>Reads a receipt as people type it: any case, hyphens and spaces anywhere, I and L for 1, O for 0.</summary>
    public static ReceiptParse Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
            return new ReceiptParse(null, ReceiptProblem.Malformed);
        var characters = new List<char>(Length);
        foreach (var typed in input)
        {
            if (typed is '-' or ' ' or '\u00A0')
                continue;
            var character = char.ToUpperInvariant(typed) switch
            {
                'I' or 'L' => '1',
                'O' => '0',
                var other => other,
            };
            if (Alphabet.IndexOf(character, StringComparison.Ordinal) < 0 || characters.Count == Length)
                return new ReceiptParse(null, ReceiptProblem.Malformed);
            characters.Add(character);
        }
        if (characters.Count != Length)
            return new ReceiptParse(null, ReceiptProblem.Malformed);
        var canonical = new string(characters.ToArray());
        return CheckValue(canonical.AsSpan(0, RandomCharacters)) == Alphabet.IndexOf(canonical[RandomCharacters], StringComparison.Ordinal)
            ? new ReceiptParse(new ReceiptCode(canonical), ReceiptProblem.None)
            : new ReceiptParse(null, ReceiptProblem.Mistyped);
    }

    /// <summary>The 20 characters without hyphens: what the key derivation reads.</summary>
    public string Canonical => _characters;

    /// <summary>Five groups of four, as shown and printed.</summary>
    public string Display => string.Join('-', Enumerable.Range(0, 5).Select(group => _characters.Substring(group * 4, 4)));

    /// <summary>Never the code itself, so that it cannot leak into a log or an exception message by accident.</summary>
    public override string ToString() => "receipt";

    /// <summary>
    /// c = α · Σ αⁱ·xᵢ over GF(32): the data and the check character together then sum to zero. Weights are distinct
    /// and non-zero, so a substitution changes the sum, and a swap of neighbours changes it by αⁱ(α+1)(x−y) ≠ 0.
    /// </summary>
    private static int CheckValue(ReadOnlySpan<char> data)
    {
        var sum = 0;
        foreach (var character in data)
            sum = Gf32.Multiply(sum, Gf32.Alpha) ^ Alphabet.IndexOf(character, StringComparison.Ordinal);
        return Gf32.Multiply(sum, Gf32.Alpha);
    }

    /// <summary>Arithmetic in GF(2⁵) modulo the primitive polynomial x⁵ + x² + 1.</summary>
    private static class Gf32
    {
        public const int Alpha = 2;

        public static int Multiply(int a, int b)
        {
            var product = 0;
            for (; b != 0; b >>= 1)
            {
                if ((b & 1) != 0)
                    product ^= a;
                a <<= 1;
                if ((a & 0b100000) != 0)
                    a ^= 0b100101;
            }
            return product;
        }
    }
}

public enum ReceiptProblem
{
    None,
    Malformed,
    Mistyped,
}

public readonly record struct ReceiptParse(ReceiptCode? Receipt, ReceiptProblem Problem);
