using OtpNet;
using System.Security.Cryptography;
using QRCoder;

namespace Reporting.CaseManagement.Staff.Totp;

/// <summary>
/// A fresh TOTP secret and the two ways to hand it to an authenticator app: the <c>otpauth://</c> URI
/// (Key Uri Format) and the same URI as a QR code drawn with text characters for the operator's terminal.
/// </summary>
internal sealed record TotpEnrolment(byte[] Secret, string Uri)
{
    /// <summary>160 bits, the HMAC-SHA-1 block-friendly length RFC 4226 recommends.</summary>
    public const int SecretLength = 20;

    public static TotpEnrolment Create(string issuer, string username)
    {
        var secret = RandomNumberGenerator.GetBytes(SecretLength);
        return new TotpEnrolment(secret, OtpAuthUri(issuer, username, secret));
    }

    public static string OtpAuthUri(string issuer, string username, ReadOnlySpan<byte> secret)
    {
        var label = System.Uri.EscapeDataString(issuer) + ":" + System.Uri.EscapeDataString(username);
        return $"otpauth://totp/{label}?secret={Base32Encoding.ToString(secret.ToArray()).TrimEnd('=')}&issuer={System.Uri.EscapeDataString(issuer)}" +
               $"&algorithm=SHA1&digits={TotpCode.Digits}&period={TotpCode.StepSeconds}";
    }

    /// <summary>Two modules per character cell (half blocks), small enough for an 80-column terminal.</summary>
    public string TerminalQrCode()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri, QRCodeGenerator.ECCLevel.M);
        using var code = new AsciiQRCode(data);
        return code.GetGraphicSmall();
    }
}
