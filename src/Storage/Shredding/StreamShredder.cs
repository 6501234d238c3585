using Marten;

namespace Reporting.Storage.Shredding;

/// <summary>
/// Crypto-shredding, which Marten does not have: destroys a stream's data key in the session's own transaction, so that
/// the stream's shreddable fields read as shredded from then on, and records on the stream that it was shredded. No
/// stored event is touched, so the hash chain still verifies.
/// </summary>
public sealed class StreamShredder
{
    private readonly StreamKeyStore _keys;

    internal StreamShredder(StreamKeyStore keys) => _keys = keys;

    public async Task ShredAsync(IDocumentSession session, Guid streamId, CancellationToken cancellationToken = default)
    {
        session.QueueSqlCommand(_keys.ShredSql, streamId);
        await session.Events.AppendExclusive(streamId, cancellationToken, new StreamShredded());
        _keys.Forget(streamId);
    }
}

/// <summary>On a stream whose data key was destroyed: its shreddable fields read as shredded from this event on.</summary>
public sealed record StreamShredded;
