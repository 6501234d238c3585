using Microsoft.AspNetCore.Http;
using Reporting.CaseManagement.Staff.Authorization;

namespace Reporting.CaseManagement.Cases;

/// <summary>The signed-in staff member as the deciders see them.</summary>
internal static class CaseActors
{
    public static Actor Of(HttpContext http) =>
        CurrentStaff.Member(http) is { } member
            ? new Actor(member.Username, new HashSet<string>(member.Roles, StringComparer.Ordinal))
            : throw new InvalidOperationException("Case endpoints run only for signed-in staff.");
}

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
