using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reporting.Disclosure.Canonical;

namespace Reporting.Disclosure.Publication;

/// <summary>
/// A log entry (transparency.md, "The log entry"): what was published, when, the hash of its bytes and the key that
/// signed them, and a link to the record of the version before. No names: a record says which notice, never whom.
/// </summary>
internal sealed record LogRecord(
    string Schema,
    string Kind,
    string NoticeId,
    int Version,
    string PublishedAt,
    string ContentSha256,
    string NoticeKeyId,
    LogRecordLink? Previous)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Entry bundles carry each entry behind a 16-bit length.</summary>
    public const int LongestEntry = ushort.MaxValue;

    public static string SchemaOf(string origin) => origin + "/record/v1";

    public static LogRecord For(string origin, string kind, Guid noticeId, int version, string publishedAt, byte[] notice, string noticeKeyId, LogRecordLink? previous) =>
        new(SchemaOf(origin), kind, noticeId.ToString(), version, publishedAt, Convert.ToBase64String(SHA256.HashData(notice)), noticeKeyId, previous);

    /// <summary>The RFC 8785 bytes: the entry as the log holds it. <c>previous</c> is written as null for a first version.</summary>
    public byte[] Canonical()
    {
        var bytes = CanonicalJson.Canonicalize(JsonSerializer.SerializeToElement(this, Json));
        if (bytes.Length > LongestEntry)
            throw new InvalidOperationException("A log record is under 64 KiB.");
        return bytes;
    }

    /// <exception cref="JsonException">Not a record.</exception>
    public static LogRecord Parse(ReadOnlySpan<byte> entry) =>
        JsonSerializer.Deserialize<LogRecord>(entry, Json) ?? throw new JsonException("A record is a JSON object.");
}

internal sealed record LogRecordLink(long Index, string LeafHash);
