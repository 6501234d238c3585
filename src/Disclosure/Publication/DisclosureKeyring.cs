using Microsoft.Extensions.Options;
using NSec.Cryptography;
using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Publication;

/// <summary>
/// The public record's keys under their C2SP names: the log key is named by the origin, the notice key by the origin
/// with <c>/notice</c>. Key ids are the signed-note ids of those names, so that a record's <c>noticeKeyId</c> and a
/// checkpoint's signature line both point into <c>keys.json</c>. Every key ever used stays listed, with its validity.
/// </summary>
internal sealed class DisclosureKeyring
{
    private readonly IDisclosureSigningKeys _keys;
    private readonly DisclosureOptions _options;

    public DisclosureKeyring(IDisclosureSigningKeys keys, IOptions<DisclosureOptions> options)
    {
        _keys = keys;
        _options = options.Value;
        Origin = _options.LogOrigin;
        if (!NoteVerifierKey.IsValidName(Origin))
            throw new InvalidOperationException($"Disclosure:LogOrigin \"{Origin}\" is not a log origin: no spaces, no '+'.");
    }

    public string Origin { get; }

    public string NoticeKeyName => Origin + "/notice";

    public bool CanSign => _keys.NoticeKeys.Count > 0 && _keys.LogKeys.Count > 0 && _keys.NoticeKeys[^1].Key is not null && _keys.LogKeys[^1].Key is not null;

    /// <summary>The current notice key and its key id.</summary>
    public (Key Key, string KeyId) NoticeKey()
    {
        var current = _keys.NoticeKeys.LastOrDefault() ?? throw new InvalidOperationException(
            "The office key file holds no notice-signing key: add one with 'reporting keys rotate --purpose notice-signing'.");
        return (Private(current), KeyIdOf(NoticeKeyName, current.PublicKey));
    }

    /// <summary>The current log key, and during the overlap after a rotation also the one before it.</summary>
    public IReadOnlyList<NoteSigner> CheckpointSigners(DateTimeOffset now)
    {
        var keys = _keys.LogKeys;
        if (keys.Count == 0)
            throw new InvalidOperationException("The office key file holds no log-signing key: add one with 'reporting keys rotate --purpose log-signing'.");
        var signers = new List<NoteSigner> { new(Origin, Private(keys[^1])) };
        if (keys.Count > 1 && now < keys[^1].CreatedAt.AddDays(_options.RotationOverlapDays))
            signers.Add(new NoteSigner(Origin, Private(keys[^2])));
        return signers;
    }

    public IReadOnlyList<NoteVerifierKey> LogVerifierKeys =>
        [.. _keys.LogKeys.Select(key => NoteVerifierKey.ForEd25519(Origin, key.PublicKey))];

    public PublicKey? NoticePublicKey(string keyId) =>
        _keys.NoticeKeys.Select(key => key.PublicKey).FirstOrDefault(key => KeyIdOf(NoticeKeyName, key) == keyId);

    /// <summary><c>keys.json</c>: the log's and the notices' public keys with the periods they signed in.</summary>
    public KeysDocument Document() => new(
        Origin,
        [.. Periods(_keys.LogKeys, _options.RotationOverlapDays).Select(period => Entry(Origin, period))],
        [.. Periods(_keys.NoticeKeys, 0).Select(period => Entry(NoticeKeyName, period))]);

    private static IEnumerable<(DisclosureKey Key, DateTimeOffset? Until)> Periods(IReadOnlyList<DisclosureKey> keys, int overlapDays) =>
        keys.Select((key, i) => (key, i + 1 < keys.Count ? keys[i + 1].CreatedAt.AddDays(overlapDays) : (DateTimeOffset?)null));

    private static PublishedKey Entry(string name, (DisclosureKey Key, DateTimeOffset? Until) period)
    {
        var vkey = NoteVerifierKey.ForEd25519(name, period.Key.PublicKey);
        return new PublishedKey(name, KeyIdOf(name, period.Key.PublicKey), "Ed25519", vkey.ToString(),
            Convert.ToBase64String(period.Key.PublicKey.Export(KeyBlobFormat.RawPublicKey)), period.Key.CreatedAt, period.Until);
    }

    private static Key Private(DisclosureKey key) => key.Key
        ?? throw new InvalidOperationException("This host holds only the public keys of the public record: it serves the record and signs nothing.");

    private static string KeyIdOf(string name, PublicKey key) =>
        NoteVerifierKey.Ed25519KeyId(name, key.Export(KeyBlobFormat.RawPublicKey)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="Log">The log's keys (C2SP vkeys; type 0x01 Ed25519), which sign checkpoints.</param>
/// <param name="Notice">The notice keys, which sign each notice version's RFC 8785 bytes.</param>
public sealed record KeysDocument(string Origin, IReadOnlyList<PublishedKey> Log, IReadOnlyList<PublishedKey> Notice);

/// <param name="PublicKey">The raw 32-byte Ed25519 key, base64: wrap it as SPKI for <c>openssl pkeyutl</c>.</param>
/// <param name="ValidUntil">Null for the key in use; a rotated log key signs on for the overlap.</param>
public sealed record PublishedKey(string Name, string KeyId, string Algorithm, string Vkey, string PublicKey, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil);
