using System.Globalization;

namespace Reporting.Disclosure.Canonical;

/// <summary>
/// Numbers as ECMAScript's Number.prototype.toString writes them (ECMA-262 §6.1.6.1.20), which RFC 8785 §3.2.2.3
/// adopts: the shortest digits that round-trip, placed by the exponent's size.
/// </summary>
public static class EcmaScriptNumber
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), "NaN and infinities have no JSON form.");
        if (value == 0)
            return "0"; // also for -0, as ECMAScript writes it
        var negative = value < 0;

        // .NET's "R" is the shortest round-trip form (d.dddE±x or plain digits): take its digits and exponent apart.
        var roundTrip = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, pointPosition) = Decompose(roundTrip);

        var k = digits.Length;
        var n = pointPosition;
        string text;
        if (k <= n && n <= 21)
            text = digits + new string('0', n - k);
        else if (0 < n && n <= 21)
            text = digits[..n] + "." + digits[n..];
        else if (-6 < n && n <= 0)
            text = "0." + new string('0', -n) + digits;
        else
        {
            var exponent = n - 1;
            var sign = exponent >= 0 ? "+" : "-";
            text = (k == 1 ? digits : digits[..1] + "." + digits[1..]) + "e" + sign + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        }
        return negative ? "-" + text : text;
    }

    /// <summary>The significant digits s and the n of ECMA-262 (value = 0.s × 10^n), from .NET's round-trip text.</summary>
    private static (string Digits, int PointPosition) Decompose(string roundTrip)
    {
        var exponentAt = roundTrip.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? mantissa.Length : point;
        var allDigits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var digits = allDigits.Trim('0');
        return (digits, integerDigits - leadingZeros + exponent);
    }
}
