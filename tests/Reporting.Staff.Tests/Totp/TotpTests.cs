using System.Text;
using Reporting.CaseManagement.Staff.Totp;

namespace Reporting.Staff.Tests.Totp;

public sealed class TotpTests
{
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    /// <summary>RFC 6238 appendix B, the SHA-1 rows (8 digits, as the RFC prints them).</summary>
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Codes_match_the_RFC_6238_SHA1_test_vectors(long unixSeconds, string expected)
    {
        var step = TotpCode.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, TotpCode.Compute(RfcSecret, step, digits: 8));
    }

    [Fact]
    public void Six_digit_codes_are_the_last_six_digits_of_the_RFC_values()
    {
        Assert.Equal("287082", TotpCode.Compute(RfcSecret, TotpCode.StepAt(DateTimeOffset.FromUnixTimeSeconds(59))));
    }

    [Theory]
    [InlineData(-30, true)]
    [InlineData(0, true)]
    [InlineData(30, true)]
    [InlineData(-60, false)]
    [InlineData(60, false)]
    public void A_code_is_accepted_one_step_either_side_and_no_further(int clockSkewSeconds, bool accepted)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        var code = TotpCode.Compute(RfcSecret, TotpCode.StepAt(now.AddSeconds(clockSkewSeconds)));

        Assert.Equal(accepted, TotpVerification.MatchingStep(RfcSecret, code, now, lastUsedStep: null) is not null);
    }

    [Fact]
    public void A_code_once_used_is_refused_when_replayed_inside_its_window()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        var code = TotpCode.Compute(RfcSecret, TotpCode.StepAt(now));
        var used = TotpVerification.MatchingStep(RfcSecret, code, now, lastUsedStep: null);

        Assert.NotNull(used);
        Assert.Null(TotpVerification.MatchingStep(RfcSecret, code, now.AddSeconds(10), lastUsedStep: used));
    }

    [Fact]
    public void An_older_code_is_refused_once_a_newer_one_was_used()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        var previous = TotpCode.Compute(RfcSecret, TotpCode.StepAt(now) - 1);

        Assert.Null(TotpVerification.MatchingStep(RfcSecret, previous, now, lastUsedStep: TotpCode.StepAt(now)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    public void Malformed_codes_are_refused(string? code)
    {
        Assert.Null(TotpVerification.MatchingStep(RfcSecret, code, DateTimeOffset.UtcNow, lastUsedStep: null));
    }

    [Fact]
    public void The_secret_in_the_enrolment_URI_is_RFC_4648_base32_without_padding()
    {
        Assert.Contains("secret=MZXW6YTBOI&", TotpEnrolment.OtpAuthUri("i", "u", "foobar"u8), StringComparison.Ordinal);
        Assert.Contains("secret=MZXW6YQ&", TotpEnrolment.OtpAuthUri("i", "u", "foob"u8), StringComparison.Ordinal);
    }

    [Fact]
    public void The_enrolment_URI_follows_the_key_uri_format()
    {
        var uri = TotpEnrolment.OtpAuthUri("纪委 Reporting", "registrar1", RfcSecret);

        Assert.Equal(
            "otpauth://totp/%E7%BA%AA%E5%A7%94%20Reporting:registrar1?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ" +
            "&issuer=%E7%BA%AA%E5%A7%94%20Reporting&algorithm=SHA1&digits=6&period=30",
            uri);
    }

    [Fact]
    public void A_fresh_enrolment_has_a_160_bit_secret_and_draws_its_URI_as_a_text_QR_code()
    {
        var enrolment = TotpEnrolment.Create("Reporting", "admin1");
        var qr = enrolment.TerminalQrCode();
        var rows = qr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(20, enrolment.Secret.Length);
        Assert.StartsWith("otpauth://totp/Reporting:admin1?secret=", enrolment.Uri, StringComparison.Ordinal);
        Assert.True(rows.Length > 10);
        Assert.All(rows, row => Assert.Equal(rows[0].Length, row.Length));
        Assert.Contains('█', qr);
    }

    [Fact]
    public void Two_enrolments_never_share_a_secret()
    {
        Assert.NotEqual(TotpEnrolment.Create("R", "a").Secret, TotpEnrolment.Create("R", "a").Secret);
    }
}
