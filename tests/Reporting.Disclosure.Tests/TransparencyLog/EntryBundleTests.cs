using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Tests.TransparencyLog;

public class EntryBundleTests
{
    [Fact]
    public void Entries_are_prefixed_with_their_big_endian_16_bit_length()
    {
        Assert.Equal([0x00, 0x02, (byte)'h', (byte)'i', 0x00, 0x00, 0x01, 0x00, .. new byte[256]], EntryBundle.Encode(["hi"u8.ToArray(), [], new byte[256]]));
    }

    [Fact]
    public void A_bundle_decodes_to_the_entries_it_was_made_of()
    {
        byte[][] entries = [new byte[ushort.MaxValue], "中文"u8.ToArray(), [], [7]];

        Assert.Equal(entries, EntryBundle.Decode(EntryBundle.Encode(entries)));
        Assert.Empty(EntryBundle.Decode([]));
    }

    [Fact]
    public void Entries_of_64_KiB_or_more_are_refused()
    {
        Assert.Throws<ArgumentException>(() => EntryBundle.Encode([new byte[ushort.MaxValue + 1]]));
    }

    [Theory]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x00, 0x03, 0x61, 0x62 })]
    [InlineData(new byte[] { 0x00, 0x01, 0x61, 0x00 })]
    public void A_bundle_that_ends_inside_a_length_or_an_entry_is_refused(byte[] bundle)
    {
        Assert.Throws<FormatException>(() => EntryBundle.Decode(bundle));
    }
}
