using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.CaseManagement.Cases.Disclosing;

/// <summary>
/// Whether an informant's value appears in a text, as a reader would see it: compared after Unicode compatibility
/// folding (full-width digits and letters are the same), case folding and the removal of white space, and for digits
/// also without the separators people put in phone and ID numbers (<c>138-0013 8000</c>).
/// </summary>
internal static partial class InformantText
{
    /// <summary>Shorter values (a one-character given name) would match almost any Chinese text and protect nothing.</summary>
    private const int ShortestValue = 2;

    public static IReadOnlyList<string> FieldsFound(IReadOnlyList<(string Field, string Value)> informant, IReadOnlyList<string> texts)
    {
        var folded = texts.Select(Fold).ToList();
        var joined = texts.Select(JoinNumbers).ToList();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (field, value) in informant)
        {
            var needle = Fold(value);
            if (needle.Length >= ShortestValue && folded.Any(text => text.Contains(needle, StringComparison.Ordinal)))
                found.Add(field);
            var number = JoinNumbers(value);
            if (number.Count(char.IsAsciiDigit) >= 6 && joined.Any(text => text.Contains(number, StringComparison.Ordinal)))
                found.Add(field);
        }
        return [.. found];
    }

    private static string Fold(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);
        var kept = new StringBuilder(normalized.Length);
        foreach (var character in normalized)
            if (!char.IsWhiteSpace(character) && !char.IsControl(character))
                kept.Append(character);
        return kept.ToString();
    }

    /// <summary>The text with the separators written inside numbers removed, so that digit runs join up.</summary>
    private static string JoinNumbers(string text) =>
        NumberSeparator().Replace(text.Normalize(NormalizationForm.FormKC), "");

    [GeneratedRegex(@"(?<=\d)[\s\-–—.()（）/]+(?=\d)")]
    private static partial Regex NumberSeparator();
}
