using OtpNet;

namespace Reporting.CaseManagement.Staff.Totp;

/// <summary>
/// RFC 6238 time-based one-time codes through Otp.NET, with the parameters every authenticator app understands:
/// HMAC-SHA-1, 30-second steps counted from the Unix epoch, 6 digits.
/// </summary>
internal static class TotpCode
{
    public const int Digits = 6;
    public const int StepSeconds = 30;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>
    /// The code for one time step: RFC 6238's TOTP is HOTP (RFC 4226) of the step number, which lets verification try
    /// the steps either side by number. <paramref name="digits"/> is 8 only for RFC 6238's own test vectors.
    /// </summary>
    public static string Compute(ReadOnlySpan<byte> secret, long step, int digits = Digits) =>
        new Hotp(secret.ToArray(), OtpHashMode.Sha1, digits).ComputeHOTP(step);
}
