namespace Reporting.Disclosure.Log;

/// <summary>
/// The transparency log is one Marten event stream: entry i is the stream's event i+1, so that appending a record
/// with the stream's expected version is what makes the log append-only and gap-free, in the same transaction as the
/// notice version it records. The store's own hash chain covers this stream too.
/// </summary>
public static class NoticeLog
{
    public static readonly Guid StreamId = new("6c6f6700-6e6f-7469-6365-732d6c6f6701");
}

/// <summary>Log entry <paramref name="Index"/>: the record's RFC 8785 bytes and its RFC 6962 leaf hash.</summary>
public sealed record NoticeLogEntryAppended(long Index, byte[] Entry, byte[] LeafHash, Guid NoticeId, int Version, DateTimeOffset At);

/// <summary>The log's size, kept inline so that appending reads one document, not the whole log.</summary>
public sealed class NoticeLogHead
{
    public Guid Id { get; set; }

    public long Size { get; set; }

    public static NoticeLogHead Create(NoticeLogEntryAppended appended) => new() { Id = NoticeLog.StreamId, Size = appended.Index + 1 };

    public void Apply(NoticeLogEntryAppended appended) => Size = appended.Index + 1;
}

/// <summary>Every checkpoint the log ever signed, by tree size: served forever, for auditors (transparency.md).</summary>
public sealed class SignedCheckpoint
{
    public long Id { get; set; }

    public string Note { get; set; } = "";

    public DateTimeOffset SignedAt { get; set; }
}
