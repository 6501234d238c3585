using NSec.Cryptography;
using Reporting.Cryptography.Hpke;

namespace Reporting.Cryptography.Tests;

public class HpkeEnvelopeTests
{
    private static readonly byte[] Info = "reporting/data-key/v1"u8.ToArray();

    private readonly Key _recipient = Key.Create(KeyAgreementAlgorithm.X25519);

    [Fact]
    public void An_envelope_opens_with_its_key_and_info_and_is_version_enc_ciphertext()
    {
        var envelope = HpkeEnvelope.Seal(_recipient.PublicKey, Info, "举报内容"u8);

        Assert.Equal(HpkeEnvelope.Version1, envelope[0]);
        Assert.Equal("举报内容"u8.Length + HpkeEnvelope.Overhead, envelope.Length);
        Assert.Equal(1 + 32 + 16, HpkeEnvelope.Overhead);
        Assert.True(HpkeEnvelope.TryOpen(_recipient, Info, envelope, out var opened));
        Assert.Equal("举报内容"u8.ToArray(), opened);
    }

    [Fact]
    public void Each_envelope_has_its_own_ephemeral_key()
    {
        var first = HpkeEnvelope.Seal(_recipient.PublicKey, Info, [1, 2, 3]);
        var second = HpkeEnvelope.Seal(_recipient.PublicKey, Info, [1, 2, 3]);

        Assert.NotEqual(first.AsSpan(1, 32).ToArray(), second.AsSpan(1, 32).ToArray());
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Another_key_or_another_purpose_opens_nothing()
    {
        var envelope = HpkeEnvelope.Seal(_recipient.PublicKey, Info, [1, 2, 3]);
        using var other = Key.Create(KeyAgreementAlgorithm.X25519);

        Assert.False(HpkeEnvelope.TryOpen(other, Info, envelope, out var opened));
        Assert.Null(opened);
        Assert.False(HpkeEnvelope.TryOpen(_recipient, "reporting/mailbox/v1"u8, envelope, out _));
    }

    [Fact]
    public void Every_altered_byte_including_the_version_is_refused()
    {
        var envelope = HpkeEnvelope.Seal(_recipient.PublicKey, Info, [1, 2, 3, 4]);

        for (var i = 0; i < envelope.Length; i++)
        {
            var altered = (byte[])envelope.Clone();
            altered[i] ^= 0x01;
            Assert.False(HpkeEnvelope.TryOpen(_recipient, Info, altered, out _), $"byte {i}");
        }
    }

    [Fact]
    public void Short_empty_and_unknown_version_envelopes_are_refused()
    {
        var envelope = HpkeEnvelope.Seal(_recipient.PublicKey, Info, []);

        Assert.True(HpkeEnvelope.TryOpen(_recipient, Info, envelope, out var empty));
        Assert.Empty(empty);
        Assert.False(HpkeEnvelope.TryOpen(_recipient, Info, envelope[..^1], out _));
        Assert.False(HpkeEnvelope.TryOpen(_recipient, Info, [], out _));
        Assert.False(HpkeEnvelope.TryOpen(_recipient, Info, [0x02, .. envelope[1..]], out _));
    }

    [Fact]
    public void A_low_order_recipient_or_enc_is_refused()
    {
        // An X25519 point of small order (all zeros): the DH output would be all zeros, which RFC 9180 §7.1.4 refuses.
        var lowOrder = PublicKey.Import(KeyAgreementAlgorithm.X25519, new byte[32], KeyBlobFormat.RawPublicKey);
        var envelope = HpkeEnvelope.Seal(_recipient.PublicKey, Info, [1]);
        new byte[32].CopyTo(envelope.AsSpan(1));

        Assert.Throws<ArgumentException>(() => HpkeEnvelope.Seal(lowOrder, Info, [1]));
        Assert.False(HpkeEnvelope.TryOpen(_recipient, Info, envelope, out _));
    }

    [Fact]
    public void Keys_of_another_algorithm_are_refused()
    {
        using var signing = Key.Create(SignatureAlgorithm.Ed25519);

        Assert.Throws<ArgumentException>(() => HpkeEnvelope.Seal(signing.PublicKey, Info, [1]));
        Assert.False(HpkeEnvelope.TryOpen(signing, Info, new byte[64], out _));
    }
}
