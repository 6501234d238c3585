using System.Globalization;
using System.Text;

namespace Reporting.Storage.Checkpoints;

/// <summary>What a checkpoint asserts, and the exact bytes that are signed for it.</summary>
internal sealed record Checkpoint(long Sequence, long StreamCount, byte[] HeadsHash)
{
    public byte[] SignedBytes() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"reporting.eventstore.checkpoint.v1\n{Sequence}\n{StreamCount}\n{Convert.ToHexStringLower(HeadsHash)}"));

    /// <summary>One line per stream head, in stream id order, as both the writer's SQL and the verifier build it.</summary>
    public static string HeadLine(Guid streamId, long version, byte[] hash) =>
        string.Create(CultureInfo.InvariantCulture, $"{streamId:D}:{version}:{Convert.ToHexStringLower(hash)}\n");
}
