using NSec.Cryptography;
using Reporting.Disclosure.Log;
using Reporting.Disclosure.Publication;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Notices.Publishing;

/// <summary>
/// Publishes the approved draft as the next version: its RFC 8785 bytes, signed with the notice key, and the record of
/// it for log entry <paramref name="logIndex"/>, linked to the record of the version before.
/// </summary>
internal static class PublishDraftDecider
{
    public static (NoticeVersionPublished Published, NoticeLogEntryAppended Entry) Decide(
        NoticeState state, string origin, Key noticeKey, string noticeKeyId, long logIndex, string by, DateTimeOffset now)
    {
        if (state.Draft is not { ApprovedBy: not null } draft)
            throw NoticeRefusedException.Conflict(state.Draft is null
                ? "There is no draft to publish."
                : "The draft is not approved: 先审后发, an approver who did not write it approves it first.");
        var publishedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var notice = NoticeDocument.Canonical(origin, state, draft, publishedAt);
        var signature = SignatureAlgorithm.Ed25519.Sign(noticeKey, notice);
        var previous = state.Published.LastOrDefault() is { } last ? new LogRecordLink(last.LogIndex, Convert.ToBase64String(last.LeafHash)) : null;
        var record = LogRecord.For(origin, draft.RecordKind, state.NoticeId, draft.Version, NoticeDocument.Time(publishedAt), notice, noticeKeyId, previous).Canonical();
        var leafHash = MerkleTree.LeafHash(record);
        return (new NoticeVersionPublished(draft.Version, draft.RecordKind, notice, signature, noticeKeyId, logIndex, record, leafHash, by, publishedAt),
            new NoticeLogEntryAppended(logIndex, record, leafHash, state.NoticeId, draft.Version, publishedAt));
    }
}
