using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Reporting.CaseManagement.Staff.Totp;

/// <summary>
/// RFC 6238 time-based one-time codes with the parameters every authenticator app understands:
/// HMAC-SHA-1, 30-second steps counted from the Unix epoch, 6 digits.
/// </summary>
internal static class TotpCode
{
    public const int Digits = 6;
    public const int StepSeconds = 30;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code for one time step (RFC 4226 dynamic truncation); <paramref name="digits"/> is 8 only for RFC 6238's own test vectors.</summary>
    public static string Compute(ReadOnlySpan<byte> secret, long step, int digits = Digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA-1; HMAC's security does not rest on SHA-1's collision resistance.
        HMACSHA1.HashData(secret, counter, mac);
#pragma warning restore CA5350
        var offset = mac[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(mac[offset..]) & 0x7fffffff;
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }
}
