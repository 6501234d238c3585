using Reporting.Sodium.Primitives;

namespace Reporting.Sodium.Tests;

public class SecureRandomAndCryptoBytesTests
{
    [Fact]
    public void Random_bytes_do_not_repeat()
    {
        var first = SecureRandom.GetBytes(32);
        var second = SecureRandom.GetBytes(32);

        Assert.Equal(32, first.Length);
        Assert.False(first.AsSpan().SequenceEqual(second));
    }

    [Fact]
    public void Fill_overwrites_the_whole_buffer()
    {
        var buffer = new byte[4096];
        SecureRandom.Fill(buffer);

        // All 4096 bytes left at zero by a broken fill would show as far more than the ~16 zeros expected.
        Assert.InRange(buffer.Count(b => b == 0), 0, 64);
    }

    [Fact]
    public void Fixed_time_comparison_compares_every_byte_and_the_length()
    {
        byte[] a = [1, 2, 3, 4], same = [1, 2, 3, 4], lastDiffers = [1, 2, 3, 5], firstDiffers = [0, 2, 3, 4];

        Assert.True(CryptoBytes.FixedTimeEquals(a, same));
        Assert.False(CryptoBytes.FixedTimeEquals(a, lastDiffers));
        Assert.False(CryptoBytes.FixedTimeEquals(a, firstDiffers));
        Assert.False(CryptoBytes.FixedTimeEquals(a, a.AsSpan(0, 3)));
        Assert.True(CryptoBytes.FixedTimeEquals([], []));
    }
}
