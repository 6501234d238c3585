using Reporting.Sodium.Cryptography;
using Reporting.Sodium.Primitives;

namespace Reporting.Sodium.Tests;

public class SealedBoxTests
{
    private static readonly KeyAgreementAlgorithm X25519 = KeyAgreementAlgorithm.X25519;

    [Fact]
    public void The_recipient_opens_what_was_sealed_to_its_public_key()
    {
        using var recipient = Key.Create(X25519);
        var sealedBox = SealedBox.Seal("举报内容"u8, recipient.PublicKey);

        Assert.Equal("举报内容"u8.Length + SealedBox.Overhead, sealedBox.Length);
        Assert.True(SealedBox.TryOpen(sealedBox, recipient, out var opened));
        Assert.Equal("举报内容"u8.ToArray(), opened);
    }

    [Fact]
    public void Sealing_twice_gives_different_boxes()
    {
        using var recipient = Key.Create(X25519);

        Assert.NotEqual(SealedBox.Seal([1, 2, 3], recipient.PublicKey), SealedBox.Seal([1, 2, 3], recipient.PublicKey));
    }

    [Fact]
    public void Another_key_cannot_open_it()
    {
        using var recipient = Key.Create(X25519);
        using var other = Key.Create(X25519);
        var sealedBox = SealedBox.Seal([1, 2, 3], recipient.PublicKey);

        Assert.False(SealedBox.TryOpen(sealedBox, other, out var opened));
        Assert.Null(opened);
    }

    [Fact]
    public void Every_altered_byte_is_detected()
    {
        using var recipient = Key.Create(X25519);
        var sealedBox = SealedBox.Seal([1, 2, 3, 4], recipient.PublicKey);

        for (var i = 0; i < sealedBox.Length; i++)
        {
            var altered = (byte[])sealedBox.Clone();
            altered[i] ^= 0x01;
            Assert.False(SealedBox.TryOpen(altered, recipient, out _), $"byte {i}");
        }
    }

    [Fact]
    public void A_box_shorter_than_the_overhead_does_not_open()
    {
        using var recipient = Key.Create(X25519);

        Assert.False(SealedBox.TryOpen(new byte[SealedBox.Overhead - 1], recipient, out _));
        Assert.False(SealedBox.TryOpen([], recipient, out _));
    }

    [Fact]
    public void Nothing_can_be_sealed_to_a_low_order_point()
    {
        var lowOrder = PublicKey.Import(X25519, new byte[32], KeyBlobFormat.RawPublicKey);

        Assert.Throws<ArgumentException>(() => SealedBox.Seal([1], lowOrder));
    }

    [Fact]
    public void Only_X25519_keys_seal_and_open()
    {
        using var signing = Key.Create(SignatureAlgorithm.Ed25519);

        Assert.Throws<ArgumentException>(() => SealedBox.Seal([1], signing.PublicKey));
        Assert.Throws<ArgumentException>(() => SealedBox.TryOpen(new byte[64], signing, out _));
    }
}
