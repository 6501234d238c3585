using Marten;

namespace Reporting.Storage.Shredding;

/// <summary>
/// Crypto-shredding, which Marten does not have: destroys a stream's data key in the session's own transaction, so that
/// the stream's shreddable fields read as shredded from then on. No event is touched, so the hash chain still verifies.
/// </summary>
public sealed class StreamShredder
{
    private readonly StreamKeyStore _keys;

    internal StreamShredder(StreamKeyStore keys) => _keys = keys;

    public void Shred(IDocumentSession session, Guid streamId)
    {
        session.QueueSqlCommand(_keys.ShredSql, streamId);
        _keys.Forget(streamId);
    }
}
