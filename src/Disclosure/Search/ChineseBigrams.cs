using System.Globalization;
using System.Text;

namespace Reporting.Disclosure.Search;

/// <summary>
/// Words for PostgreSQL's <c>simple</c> full-text configuration from text with no spaces between words: each run of
/// Han characters becomes its overlapping character pairs (纪律处分 → 纪律 律处 处分), other text its lower-cased words.
/// A query made the same way and searched as a phrase matches exactly where its characters stand side by side, which
/// is what a reader typing a word expects. docs/decisions.md says why bigrams and not segmentation or pg_trgm.
/// </summary>
public static class ChineseBigrams
{
    /// <summary>The words of <paramref name="text"/>, space-separated, in order.</summary>
    public static string Words(string? text)
    {
        var words = new List<string>();
        var run = new StringBuilder();
        var word = new StringBuilder();
        foreach (var rune in (text ?? "").Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (IsHan(rune))
            {
                Flush(word, words, han: false);
                run.Append(rune.ToString());
            }
            else
            {
                Flush(run, words, han: true);
                if (Rune.IsLetterOrDigit(rune))
                    word.Append(Rune.ToLowerInvariant(rune).ToString());
                else
                    Flush(word, words, han: false);
            }
        }
        Flush(run, words, han: true);
        Flush(word, words, han: false);
        return string.Join(' ', words);
    }

    private static void Flush(StringBuilder pending, List<string> words, bool han)
    {
        if (pending.Length == 0)
            return;
        if (!han)
            words.Add(pending.ToString());
        else
        {
            var characters = StringInfo.GetTextElementEnumerator(pending.ToString());
            var elements = new List<string>();
            while (characters.MoveNext())
                elements.Add((string)characters.Current);
            if (elements.Count == 1)
                words.Add(elements[0]);
            for (var i = 0; i + 1 < elements.Count; i++)
                words.Add(elements[i] + elements[i + 1]);
        }
        pending.Clear();
    }

    private static bool IsHan(Rune rune) =>
        (rune.Value is >= 0x4E00 and <= 0x9FFF) || (rune.Value is >= 0x3400 and <= 0x4DBF) || (rune.Value is >= 0x20000 and <= 0x3134F)
        || (rune.Value is >= 0xF900 and <= 0xFAFF);
}
