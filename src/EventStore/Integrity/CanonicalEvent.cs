using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Reporting.EventStore.Integrity;

/// <summary>
/// The bytes an event's hash covers, rebuilt here independently of the server's <c>mt_event_canonical</c>, so that
/// a function redefined in the database cannot make verification agree with altered rows.
/// </summary>
internal sealed record CanonicalEvent(
    long Sequence, Guid Id, Guid StreamId, long Version, string Type, DateTimeOffset Timestamp, string TenantId,
    string Data, string? DotNetType, string? CorrelationId, string? CausationId, string? Headers)
{
    public byte[] Text()
    {
        var micros = (Timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000);
        var text = string.Join('|',
            Sequence.ToString(CultureInfo.InvariantCulture), Id.ToString("D"), StreamId.ToString("D"), Version.ToString(CultureInfo.InvariantCulture),
            Field(Type), micros.ToString(CultureInfo.InvariantCulture), Field(TenantId), Field(Data), Field(DotNetType),
            Field(CorrelationId), Field(CausationId), Field(Headers));
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>SHA-256(previous hash ‖ canonical text): the chain link the append function stores.</summary>
    public byte[] Hash(ReadOnlySpan<byte> previous)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        hash.AppendData(Text());
        return hash.GetHashAndReset();
    }

    private static string Field(string? value) =>
        value is null ? "~" : $"{Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)}:{value}";
}
