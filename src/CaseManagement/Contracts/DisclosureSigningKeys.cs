using NSec.Cryptography;

namespace Reporting.CaseManagement.Contracts;

/// <summary>
/// The two Ed25519 keys of the public record, held in the office key file with the other office keys: the notice key
/// signs each published notice, the log key signs the transparency log's checkpoints. Oldest first; the last is current.
/// Every key ever used stays, so that old signatures still verify after a rotation.
/// </summary>
public interface IDisclosureSigningKeys
{
    IReadOnlyList<DisclosureKey> NoticeKeys { get; }

    IReadOnlyList<DisclosureKey> LogKeys { get; }
}

/// <param name="Key">The private key, on a host that signs; null on one that only serves the public record.</param>
public sealed record DisclosureKey(DateTimeOffset CreatedAt, PublicKey PublicKey, Key? Key)
{
    public DisclosureKey(DateTimeOffset createdAt, Key key) : this(createdAt, key.PublicKey, key)
    {
    }
}
