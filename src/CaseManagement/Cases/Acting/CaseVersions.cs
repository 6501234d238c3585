namespace Reporting.CaseManagement.Cases;

/// <summary>A case's version as an entity tag: <c>"7"</c>, what <c>If-Match</c> sends back.</summary>
internal static class CaseVersions
{
    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>No header: null. A header naming one version, strong or weak: that version. Anything else: invalid.</summary>
    public static (bool Valid, long? Version) FromIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            return (true, null);
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
            text = text[2..];
        text = text.Trim('"');
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            ? (true, version)
            : (false, null);
    }
}
