using Microsoft.Extensions.Options;
using NSec.Cryptography;
using Reporting.CaseManagement.Contracts;
using Reporting.Disclosure.Publication;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Tests.Publication;

/// <summary>
/// After a rotation every old key stays listed with the period it signed in, old notice signatures still find their
/// key by the id their record names, and checkpoints carry both log signatures through the overlap, then the new one.
/// </summary>
public sealed class KeyRotationTests : IDisposable
{
    private static readonly DateTimeOffset Rotated = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Key _oldLog = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _newLog = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _oldNotice = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _newNotice = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly DisclosureKeyring _keyring;

    public KeyRotationTests() => _keyring = new DisclosureKeyring(
        new Keys([new(Rotated.AddYears(-1), _oldNotice), new(Rotated, _newNotice)], [new(Rotated.AddYears(-1), _oldLog), new(Rotated, _newLog)]),
        Options.Create(new DisclosureOptions { LogOrigin = "jw.example.gov.cn/notices-log", RotationOverlapDays = 30 }));

    [Fact]
    public void Checkpoints_carry_both_log_signatures_through_the_overlap_and_then_only_the_new_one()
    {
        var during = SignedNote.Sign("jw.example.gov.cn/notices-log\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", _keyring.CheckpointSigners(Rotated.AddDays(10)));
        var after = SignedNote.Sign("jw.example.gov.cn/notices-log\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", _keyring.CheckpointSigners(Rotated.AddDays(31)));

        var oldKeyOnly = NoteVerifierKey.ForEd25519(_keyring.Origin, _oldLog.PublicKey);
        Assert.Equal(2, SignedNote.Open(during, _keyring.LogVerifierKeys).SignedBy.Count);
        Assert.Single(SignedNote.Open(during, [oldKeyOnly]).SignedBy);
        Assert.Equal([NoteVerifierKey.ForEd25519(_keyring.Origin, _newLog.PublicKey)], SignedNote.Open(after, _keyring.LogVerifierKeys).SignedBy);
    }

    [Fact]
    public void Keys_json_lists_every_key_with_its_period_and_old_notice_signatures_still_verify()
    {
        var document = _keyring.Document();
        var (_, newId) = _keyring.NoticeKey();
        var oldId = document.Notice.Single(key => key.KeyId != newId).KeyId;
        var signature = SignatureAlgorithm.Ed25519.Sign(_oldNotice, "v1"u8);

        Assert.Equal(2, document.Log.Count);
        Assert.Equal(Rotated.AddDays(30), document.Log[0].ValidUntil);
        Assert.Null(document.Log[1].ValidUntil);
        Assert.Equal(Rotated, document.Notice[0].ValidUntil);
        Assert.True(SignatureAlgorithm.Ed25519.Verify(_keyring.NoticePublicKey(oldId)!, "v1"u8, signature));
        Assert.All(document.Log, key => NoteVerifierKey.Parse(key.Vkey));
    }

    public void Dispose()
    {
        foreach (var key in new[] { _oldLog, _newLog, _oldNotice, _newNotice })
            key.Dispose();
    }

    private sealed class Keys(IReadOnlyList<DisclosureKey> notice, IReadOnlyList<DisclosureKey> log) : IDisclosureSigningKeys
    {
        public IReadOnlyList<DisclosureKey> NoticeKeys => notice;

        public IReadOnlyList<DisclosureKey> LogKeys => log;
    }
}
