using System.Text;
using System.Text.Json;
using Reporting.Disclosure.Canonical;

namespace Reporting.Disclosure.Tests.Canonical;

public class CanonicalJsonTests
{
    private static readonly string Vectors = Path.Combine(AppContext.BaseDirectory, "Canonical", "rfc8785");

    public static TheoryData<string> VectorNames() => ["arrays", "french", "structures", "unicode", "values", "weird"];

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void The_reference_vectors_canonicalize_to_their_published_bytes(string name)
    {
        var input = File.ReadAllBytes(Path.Combine(Vectors, "input", name + ".json"));
        var expected = File.ReadAllBytes(Path.Combine(Vectors, "output", name + ".json"));

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(CanonicalJson.Canonicalize(input)));
        Assert.Equal(expected, CanonicalJson.Canonicalize(input));
        Assert.Equal(expected, CanonicalJson.Canonicalize(expected));
    }

    [Fact]
    public void Names_sort_by_utf16_code_units_not_by_code_points()
    {
        // U+FB33 (one UTF-16 unit, 0xFB33) sorts after U+1F602 (surrogates 0xD83D 0xDE02), though its code point is smaller.
        var canonical = Encoding.UTF8.GetString(CanonicalJson.Canonicalize("""{"\ufb33":1,"\ud83d\ude02":2,"a":3}"""u8));

        Assert.Equal("{\"a\":3,\"\ud83d\ude02\":2,\"\ufb33\":1}", canonical);
    }

    [Fact]
    public void Only_quote_backslash_and_controls_are_escaped()
    {
        var canonical = Encoding.UTF8.GetString(CanonicalJson.Canonicalize("""["\u001f\u007f\u2028<>&'/é中"]"""u8));

        Assert.Equal("[\"\\u001f\u007f\u2028<>&'/é中\"]", canonical);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""["\ud800"]""")]
    [InlineData("""{"\udc00":1}""")]
    [InlineData("""[1e400]""")]
    [InlineData("""[-1e400]""")]
    [InlineData("""{"a":1""")]
    public void What_RFC_8785_does_not_admit_is_refused(string json)
    {
        Assert.ThrowsAny<JsonException>(() => CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-5e-324, "-5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    [InlineData(295147905179352830000.0, "295147905179352830000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(999999999999999900000.0, "999999999999999900000")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(333333333.3333333, "333333333.3333333")]
    [InlineData(4.5, "4.5")]
    [InlineData(0.002, "0.002")]
    [InlineData(1e30, "1e+30")]
    [InlineData(123e-20, "1.23e-18")]
    public void Numbers_are_written_as_ecmascript_writes_them(double value, string expected)
    {
        Assert.Equal(expected, EcmaScriptNumber.Format(value));
    }

    [Fact]
    public void Negative_zero_is_written_as_zero()
    {
        Assert.Equal("0", EcmaScriptNumber.Format(-0.0));
        Assert.Equal("[0]", Encoding.UTF8.GetString(CanonicalJson.Canonicalize("[-0]"u8)));
    }
}
