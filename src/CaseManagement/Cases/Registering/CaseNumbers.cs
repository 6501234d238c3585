using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Reporting.CaseManagement.Cases.Deadlines;
using Marten;

namespace Reporting.CaseManagement.Cases.Registering;

/// <summary>
/// Case numbers (案件编号), given at registration: the year of registration in China and a serial within it,
/// "2026-00042". Each year's numbers are an event stream of their own whose version is the last serial issued: a
/// registration appends the next one in the same unit of work as the case's own events, expecting the version it read,
/// so two registrations at once cannot share a number, and a registration that fails leaves no gap. The loser of such
/// a race reads the counter again and takes the next number.
/// </summary>
public static class CaseNumbers
{
    /// <summary>The next number of the year <paramref name="now"/> falls in, and what issuing it appends where.</summary>
    public static async Task<NextCaseNumber> NextAsync(IQuerySession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = WorkingCalendar.DateInChina(now).Year;
        var stream = StreamOf(year);
        var issued = (await session.Events.FetchStreamStateAsync(stream, cancellationToken))?.Version ?? 0;
        return new NextCaseNumber(stream, issued + 1, string.Create(CultureInfo.InvariantCulture, $"{year}-{issued + 1:D5}"));
    }

    /// <summary>A year's counter stream: an id derived from the year, the same on every host.</summary>
    public static Guid StreamOf(int year)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"reporting/case-numbers/{year}"), hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80); // a version-8 (name-based, custom) id
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }

    /// <summary>A case number as staff type it: "2026-00042".</summary>
    public static bool LooksLikeOne(string text) =>
        text.Length is >= 10 and <= 16 && text[4] == '-' && text.AsSpan(0, 4).IndexOfAnyExceptInRange('0', '9') < 0
        && text.AsSpan(5).IndexOfAnyExceptInRange('0', '9') < 0;
}

/// <param name="Version">The counter stream's version once this number is issued: the expected version of the append.</param>
public sealed record NextCaseNumber(Guid Stream, long Version, string Number);

/// <summary>On a year's counter stream: the number, the serial of which is the stream version, went to this case.</summary>
public sealed record CaseNumberIssued(Guid CaseId, string Number, DateTimeOffset At);
