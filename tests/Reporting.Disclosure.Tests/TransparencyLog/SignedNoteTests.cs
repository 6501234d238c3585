using System.Security.Cryptography;
using NSec.Cryptography;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Tests.TransparencyLog;

public sealed class SignedNoteTests : IDisposable
{
    // c2sp.org/signed-note's example, also in transparency.md.
    private const string ExampleVkey = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    private const string ExampleNote = "This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    private readonly Key _logKey = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _nextLogKey = Key.Create(SignatureAlgorithm.Ed25519);

    [Fact]
    public void The_spec_example_verifies_with_its_vkey()
    {
        var vkey = NoteVerifierKey.Parse(ExampleVkey);

        var (note, signedBy) = SignedNote.Open(ExampleNote, [vkey]);

        Assert.Equal("This is an example message.\n", note.Text);
        Assert.Equal([vkey], signedBy);
        Assert.Equal(ExampleVkey, vkey.ToString());
    }

    [Fact]
    public void The_example_key_id_is_recomputed_from_name_and_key()
    {
        var publicKey = Convert.FromBase64String("AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")[1..];

        Assert.Equal(0x530d903au, NoteVerifierKey.Ed25519KeyId("example.com/foo", publicKey));
        Assert.Equal([0x53, 0x0d, 0x90, 0x3a], SHA256.HashData([.. "example.com/foo\n"u8, 0x01, .. publicKey])[..4]);
    }

    [Fact]
    public void A_changed_byte_in_the_text_is_refused()
    {
        var changed = ExampleNote.Replace("example message", "examplf message", StringComparison.Ordinal);

        Assert.Throws<CryptographicException>(() => SignedNote.Open(changed, [NoteVerifierKey.Parse(ExampleVkey)]));
    }

    [Fact]
    public void A_changed_byte_in_the_signature_is_refused()
    {
        var changed = ExampleNote.Replace("Uw2QOkn8", "Uw2QOkn9", StringComparison.Ordinal);

        Assert.Throws<CryptographicException>(() => SignedNote.Open(changed, [NoteVerifierKey.Parse(ExampleVkey)]));
    }

    [Fact]
    public void A_note_signed_only_by_unknown_keys_is_refused()
    {
        var other = new NoteSigner("example.com/foo", _logKey).VerifierKey;

        Assert.Throws<CryptographicException>(() => SignedNote.Open(ExampleNote, [other]));
        Assert.Throws<CryptographicException>(() => SignedNote.Open(ExampleNote, []));
    }

    [Fact]
    public void Signatures_by_unknown_keys_are_ignored_beside_a_known_one()
    {
        var signer = new NoteSigner("example.com/foo", _logKey);
        var note = SignedNote.Sign("This is an example message.\n", [signer]);
        // The example's own signature, by a key this verifier does not know (same name, other key id).
        var withStranger = note + ExampleNote[ExampleNote.IndexOf('—', StringComparison.Ordinal)..];

        Assert.Equal([signer.VerifierKey], SignedNote.Open(withStranger, [signer.VerifierKey]).SignedBy);
    }

    [Fact]
    public void During_a_key_rotation_both_keys_sign_and_either_verifies()
    {
        var old = new NoteSigner("jw.example.gov.cn/notices-log", _logKey);
        var next = new NoteSigner("jw.example.gov.cn/notices-log", _nextLogKey);

        var note = SignedNote.Sign("jw.example.gov.cn/notices-log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", [old, next]);

        Assert.Equal(2, SignedNote.Parse(note).Signatures.Count);
        Assert.Equal([old.VerifierKey], SignedNote.Open(note, [old.VerifierKey]).SignedBy);
        Assert.Equal([next.VerifierKey], SignedNote.Open(note, [next.VerifierKey]).SignedBy);
        Assert.Equal([old.VerifierKey, next.VerifierKey], SignedNote.Open(note, [next.VerifierKey, old.VerifierKey]).SignedBy);
    }

    [Fact]
    public void A_known_key_whose_signature_fails_rejects_the_note_even_beside_a_good_one()
    {
        var good = new NoteSigner("example.com/log", _logKey);
        var bad = new NoteSigner("example.com/log2", _nextLogKey);
        var note = SignedNote.Sign("text\n", [good, bad]);
        var lines = note.Split('\n');
        var signature = Convert.FromBase64String(lines[3].Split(' ')[2]);
        signature[^1] ^= 1;
        var tampered = string.Join('\n', lines[..3]) + "\n— example.com/log2 " + Convert.ToBase64String(signature) + "\n";

        Assert.Throws<CryptographicException>(() => SignedNote.Open(tampered, [good.VerifierKey, bad.VerifierKey]));
        Assert.Equal([good.VerifierKey], SignedNote.Open(tampered, [good.VerifierKey]).SignedBy);
    }

    [Fact]
    public void The_signature_line_is_an_em_dash_a_space_the_name_and_base64_of_key_id_and_signature()
    {
        var signer = new NoteSigner("example.com/log", _logKey);

        var note = SignedNote.Sign("a\n\nb\n", [signer]);

        Assert.StartsWith("a\n\nb\n\n\u2014 example.com/log ", note, StringComparison.Ordinal);
        var signature = Convert.FromBase64String(note.Split(' ')[^1].TrimEnd('\n'));
        Assert.Equal(68, signature.Length);
        Assert.Equal(signer.VerifierKey.KeyId, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(signature));
        Assert.True(SignatureAlgorithm.Ed25519.Verify(_logKey.PublicKey, "a\n\nb\n"u8, signature.AsSpan(4)));
        Assert.Equal("a\n\nb\n", SignedNote.Open(note, [signer.VerifierKey]).Note.Text);
    }

    [Theory]
    [InlineData("no newline")]
    [InlineData("tab\tinside\n")]
    public void Texts_a_note_cannot_carry_are_not_signed(string text)
    {
        Assert.Throws<ArgumentException>(() => SignedNote.Sign(text, [new NoteSigner("example.com/log", _logKey)]));
        Assert.Throws<ArgumentException>(() => SignedNote.Sign("ok\n", []));
    }

    [Fact]
    public void A_lone_surrogate_has_no_utf8_form_and_is_refused()
    {
        // Built here: xunit's attribute data would turn the lone surrogate into U+FFFD.
        var text = "lone " + (char)0xD800 + " surrogate\n";

        Assert.Throws<ArgumentException>(() => SignedNote.Sign(text, [new NoteSigner("example.com/log", _logKey)]));
        Assert.Throws<FormatException>(() => SignedNote.Parse(text + ExampleNote[ExampleNote.IndexOf('\n', StringComparison.Ordinal)..]));
    }

    [Theory]
    [InlineData("text\n— example.com/foo AAAAAAA=\n")]
    [InlineData("text\n\n")]
    [InlineData("text\n\n— example.com/foo AAAAAAA=")]
    [InlineData("text\n\n- example.com/foo AAAAAAA=\n")]
    [InlineData("text\n\n— example.com/foo  AAAAAAA=\n")]
    [InlineData("text\n\n— example.com/foo AAAA\n")]
    [InlineData("text\n\n— example.com/foo AAAAAAA\n")]
    [InlineData("text\n\n— example.com/foo AA AAAAA=\n")]
    [InlineData("te\rxt\n\n— example.com/foo AAAAAAA=\n")]
    [InlineData("text\n\n— exa+mple.com/foo AAAAAAA=\n")]
    public void Malformed_notes_are_refused(string note)
    {
        Assert.Throws<FormatException>(() => SignedNote.Parse(note));
    }

    [Fact]
    public void More_than_100_signature_lines_are_refused()
    {
        var signer = new NoteSigner("example.com/log", _logKey);
        var line = SignedNote.Sign("text\n", [signer])["text\n\n".Length..];

        Assert.Equal(100, SignedNote.Parse("text\n\n" + string.Concat(Enumerable.Repeat(line, 100))).Signatures.Count);
        Assert.Throws<FormatException>(() => SignedNote.Parse("text\n\n" + string.Concat(Enumerable.Repeat(line, 101))));
    }

    [Theory]
    [InlineData("example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")]
    [InlineData("example.com/foo+530D903A+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")]
    [InlineData("example.com/fo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")]
    [InlineData("example.com/foo+530d903a+AukyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")]
    [InlineData("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2")]
    [InlineData("example.com/foo+530d903a")]
    [InlineData("example com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")]
    [InlineData("+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")]
    public void Malformed_or_mismatched_vkeys_are_refused(string vkey)
    {
        Assert.Throws<FormatException>(() => NoteVerifierKey.Parse(vkey));
    }

    [Fact]
    public void A_vkey_whose_base64_holds_a_plus_parses()
    {
        // Three keys in four have a '+' somewhere in the base64 of their 33 bytes.
        var keys = Enumerable.Range(0, 50).Select(_ => Key.Create(SignatureAlgorithm.Ed25519)).ToList();
        var vkey = keys.Select(key => new NoteSigner("example.com/log", key).VerifierKey).First(vkey => vkey.ToString().Count(c => c == '+') > 2);

        Assert.Equal(vkey, NoteVerifierKey.Parse(vkey.ToString()));
        keys.ForEach(key => key.Dispose());
    }

    [Fact]
    public void A_vkey_round_trips_through_its_text()
    {
        var vkey = new NoteSigner("jw.example.gov.cn/notices-log", _logKey).VerifierKey;

        Assert.Equal(vkey, NoteVerifierKey.Parse(vkey.ToString()));
        Assert.Matches("^jw\\.example\\.gov\\.cn/notices-log\\+[0-9a-f]{8}\\+A[A-Za-z0-9+/]{43}$", vkey.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a\u3000b")]
    [InlineData("a+b")]
    [InlineData("a\nb")]
    public void Key_names_without_a_character_or_with_spaces_or_pluses_are_refused(string name)
    {
        Assert.False(NoteVerifierKey.IsValidName(name));
        Assert.Throws<ArgumentException>(() => new NoteSigner(name, _logKey));
    }

    public void Dispose()
    {
        _logKey.Dispose();
        _nextLogKey.Dispose();
    }
}
