using System.Globalization;

namespace Reporting.Disclosure.TransparencyLog;

/// <summary>
/// The one spelling the C2SP formats allow for numbers and base64. .NET's own parsers are lenient (leading zeros, a
/// plus sign, whitespace inside base64), and a second spelling of the same note would be a second note to sign.
/// </summary>
internal static class StrictText
{
    /// <summary>ASCII decimal, no sign, no leading zeros unless the number is 0.</summary>
    public static long ParseDecimal(string text, string what)
    {
        if (text.Length == 0 || text.Length > 19 || !text.All(char.IsAsciiDigit) || (text[0] == '0' && text.Length > 1)
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"The {what} is not a decimal number without leading zeros.");
        return value;
    }

    /// <summary>Standard padded base64 (RFC 4648 §4) in its canonical form, nothing else.</summary>
    public static byte[] ParseBase64(string text, string what)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException exception)
        {
            throw new FormatException($"The {what} is not base64.", exception);
        }
        if (Convert.ToBase64String(bytes) != text)
            throw new FormatException($"The {what} is not canonical padded base64.");
        return bytes;
    }

    /// <summary>No lone surrogate, so that the text has a UTF-8 form to sign and to hash.</summary>
    public static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }

    public static byte[] ParseHash(string text, string what)
    {
        var hash = ParseBase64(text, what);
        return hash.Length == MerkleTree.HashSize ? hash : throw new FormatException($"The {what} is not a 32-byte hash.");
    }
}
