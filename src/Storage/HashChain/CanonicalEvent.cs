using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Reporting.Storage.HashChain;

/// <summary>
/// The bytes an event's chain link covers, rebuilt here from the stored columns of Marten's <c>mt_events</c>,
/// independently of the trigger that wrote the link (Schema/0001_hash_chain.sql). <paramref name="Data"/> and
/// <paramref name="Headers"/> are PostgreSQL's own text of the stored <c>jsonb</c>, which is the same for the same
/// value however it was written; <paramref name="Headers"/> leaves out the link itself.
/// </summary>
internal sealed record CanonicalEvent(
    long Sequence, Guid Id, Guid StreamId, long Version, string Type, DateTimeOffset Timestamp, string? TenantId,
    string Data, byte[]? BinaryData, string? DotNetType, string? Headers)
{
    /// <summary>The reserved event header that holds the link, as lower-case hex.</summary>
    public const string ChainHeader = "x-chain";

    public byte[] Text()
    {
        var micros = (Timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000);
        var text = string.Join('|',
            Sequence.ToString(CultureInfo.InvariantCulture), Id.ToString("D"), StreamId.ToString("D"), Version.ToString(CultureInfo.InvariantCulture),
            Field(Type), micros.ToString(CultureInfo.InvariantCulture), Field(TenantId), Field(Data),
            Field(BinaryData is null ? null : Convert.ToBase64String(BinaryData)), Field(DotNetType), Field(Headers));
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>SHA-256(previous link ‖ canonical text): the link the trigger stores.</summary>
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
