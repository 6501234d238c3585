using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using QRCoder;

namespace Reporting.CaseManagement.Workbench.Administration;

/// <summary>The <c>otpauth://</c> URI of a new second factor as an inline SVG QR code (no image request that could be cached or logged), and its key for typing by hand.</summary>
public static partial class EnrolmentCode
{
    public static MarkupString Svg(string uri, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        using var code = new SvgQRCode(data);
        var svg = code.GetGraphic(4);
        // The drawing is one image to assistive technology, named for what it is.
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return new MarkupString(svg[..start] + $"<svg role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\"" + svg[(start + 4)..]);
    }

    /// <summary>The Base32 key in groups of four, as authenticator apps ask for it.</summary>
    public static string Key(string uri) =>
        Secret().Match(uri) is { Success: true } match ? string.Join(' ', match.Groups[1].Value.Chunk(4).Select(group => new string(group))) : "";

    [GeneratedRegex("[?&]secret=([A-Z2-7]+)")]
    private static partial Regex Secret();
}
