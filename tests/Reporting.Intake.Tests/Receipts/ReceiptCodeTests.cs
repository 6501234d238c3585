using Reporting.Intake.Receipts;

namespace Reporting.Intake.Tests.Receipts;

public sealed class ReceiptCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    [Fact]
    public void A_receipt_is_shown_as_five_groups_of_four_Crockford_characters()
    {
        var receipt = ReceiptCode.Generate();

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$", receipt.Display);
        Assert.Equal(ReceiptProblem.None, ReceiptCode.Parse(receipt.Display).Problem);
    }

    [Fact]
    public void A_receipt_is_read_in_any_case_with_or_without_hyphens_and_with_Crockfords_lookalikes()
    {
        var receipt = Enumerable.Range(0, 200).Select(_ => ReceiptCode.Generate()).First(code => code.Canonical.Contains('1') && code.Canonical.Contains('0'));
        var typed = receipt.Display.ToLowerInvariant().Replace('1', 'l').Replace('0', 'O').Replace("-", " ", StringComparison.Ordinal);

        Assert.Equal(receipt.Canonical, ReceiptCode.Parse(typed).Receipt?.Canonical);
        Assert.Equal(receipt.Canonical, ReceiptCode.Parse(receipt.Canonical).Receipt?.Canonical);
        Assert.Equal(receipt.Canonical, ReceiptCode.Parse(receipt.Display.Replace('1', 'I')).Receipt?.Canonical);
    }

    [Fact]
    public void Every_random_position_draws_every_letter_about_equally_often()
    {
        // 32,000 receipts: 1,000 expected per letter and position; 5 standard deviations (about 155) either way.
        var counts = new int[ReceiptCode.RandomCharacters, Alphabet.Length];
        for (var sample = 0; sample < 32_000; sample++)
        {
            var code = ReceiptCode.Generate().Canonical;
            for (var position = 0; position < ReceiptCode.RandomCharacters; position++)
                counts[position, Alphabet.IndexOf(code[position], StringComparison.Ordinal)]++;
        }

        for (var position = 0; position < ReceiptCode.RandomCharacters; position++)
            for (var letter = 0; letter < Alphabet.Length; letter++)
                Assert.InRange(counts[position, letter], 845, 1155);
    }

    [Fact]
    public void Every_single_mistyped_character_is_caught_before_any_lookup()
    {
        for (var sample = 0; sample < 20; sample++)
        {
            var code = ReceiptCode.Generate().Canonical;
            for (var position = 0; position < code.Length; position++)
                foreach (var replacement in Alphabet.Where(character => character != code[position]))
                {
                    var typed = code[..position] + replacement + code[(position + 1)..];
                    Assert.Equal(ReceiptProblem.Mistyped, ReceiptCode.Parse(typed).Problem);
                }
        }
    }

    [Fact]
    public void Every_swap_of_two_neighbouring_characters_is_caught_including_the_check_character()
    {
        // Exhaustive over every pair of characters at every position, with the rest of the code random.
        var code = ReceiptCode.Generate().Canonical;
        for (var position = 0; position < code.Length - 1; position++)
            foreach (var first in Alphabet)
                foreach (var second in Alphabet.Where(character => character != first))
                {
                    var valid = ValidCodeWith(code, position, first, second);
                    if (valid is null)
                        continue;
                    var swapped = valid[..position] + second + first + valid[(position + 2)..];
                    Assert.Equal(ReceiptProblem.Mistyped, ReceiptCode.Parse(swapped).Problem);
                }
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD-EFGH")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVWXY")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVWU")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TVW*")]
    public void Anything_not_twenty_Crockford_characters_is_malformed(string typed)
    {
        Assert.Equal(ReceiptProblem.Malformed, ReceiptCode.Parse(typed).Problem);
    }

    [Fact]
    public void The_receipt_never_prints_itself()
    {
        var receipt = ReceiptCode.Generate();

        Assert.DoesNotContain(receipt.Canonical[..8], $"{receipt}", StringComparison.Ordinal);
    }

    [Fact]
    public void The_lookup_id_and_the_mailbox_seed_are_stable_distinct_and_differ_between_receipts()
    {
        var receipt = ReceiptCode.Generate();
        var again = ReceiptCode.Parse(receipt.Display.ToLowerInvariant()).Receipt!;
        var other = ReceiptCode.Generate();

        Assert.Equal(ReceiptKeys.LookupId(receipt), ReceiptKeys.LookupId(again));
        Assert.Equal(ReceiptKeys.MailboxSeed(receipt), ReceiptKeys.MailboxSeed(again));
        Assert.NotEqual(ReceiptKeys.LookupId(receipt), ReceiptKeys.LookupId(other));
        Assert.NotEqual(Convert.FromBase64String(ReceiptKeys.LookupId(receipt).Replace('-', '+').Replace('_', '/') + "="), ReceiptKeys.MailboxSeed(receipt));
        Assert.Equal(43, ReceiptKeys.LookupId(receipt).Length);
    }

    /// <summary>A valid code with the two characters at the position, or null when the check character cannot be the second.</summary>
    private static string? ValidCodeWith(string code, int position, char first, char second)
    {
        var data = (code[..position] + first + second + code[(position + 2)..])[..ReceiptCode.RandomCharacters];
        var valid = Alphabet.Select(check => data + check).First(candidate => ReceiptCode.Parse(candidate).Problem == ReceiptProblem.None);
        return valid[position + 1] == second ? valid : null;
    }
}
