using System.Text;
using Reporting.Disclosure.TransparencyLog;

namespace Reporting.Disclosure.Tests.TransparencyLog;

public class CheckpointTests
{
    private static readonly byte[] Root = MerkleTree.LeafHash("hello world"u8);

    [Fact]
    public void A_checkpoint_is_origin_size_and_base64_root_one_a_line()
    {
        var checkpoint = new Checkpoint("jw.example.gov.cn/notices-log", 20852163, Root);

        Assert.Equal("jw.example.gov.cn/notices-log\n20852163\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n", checkpoint.ToNoteText());
        Assert.Equal("e\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", new Checkpoint("e", 0, MerkleTree.EmptyRootHash()).ToNoteText());
    }

    [Fact]
    public void Parsing_reads_what_was_written_and_passes_over_extension_lines()
    {
        var text = new Checkpoint("example.com/behind-the-sofa", 20852163, Root).ToNoteText();

        foreach (var parsed in new[] { Checkpoint.Parse(text), Checkpoint.Parse(text + "extension\n") })
        {
            Assert.Equal("example.com/behind-the-sofa", parsed.Origin);
            Assert.Equal(20852163, parsed.Size);
            Assert.Equal(Root, parsed.RootHash);
        }
    }

    [Theory]
    [InlineData("example.com/log\n012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")]
    [InlineData("example.com/log\n+12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")]
    [InlineData("example.com/log\n-1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")]
    [InlineData("example.com/log\n 12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")]
    [InlineData("example.com/log\n99999999999999999999\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")]
    [InlineData("example.com/log\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0\n")]
    [InlineData("example.com/log\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40Hmuw\n")]
    [InlineData("example.com/log\n12\nTszzRgjTG6xce+z2AG31k AXYKBgQVtCSCE40HmuwBb0=\n")]
    [InlineData("example.com/log\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb1=\n")]
    [InlineData("example.com/log\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=")]
    [InlineData("example.com/log\n12\n")]
    [InlineData("example.com/log\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n\nextension\n")]
    [InlineData("example.com/my log\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")]
    [InlineData("example.com/log+1\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")]
    [InlineData("\n12\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")]
    [InlineData("example.com/log\n0\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n")]
    public void Other_spellings_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => Checkpoint.Parse(text));
    }

    [Fact]
    public void A_checkpoint_is_not_made_of_a_bad_origin_size_or_root()
    {
        Assert.Throws<ArgumentException>(() => new Checkpoint("a b", 1, Root));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Checkpoint("a", -1, Root));
        Assert.Throws<ArgumentException>(() => new Checkpoint("a", 1, Encoding.UTF8.GetBytes("short")));
        Assert.Throws<ArgumentException>(() => new Checkpoint("a", 0, Root));
    }
}
