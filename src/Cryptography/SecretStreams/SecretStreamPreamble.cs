using System.Buffers.Binary;

namespace Reporting.Cryptography.SecretStreams;

internal static class SecretStreamPreamble
{
    public const int Size = 8;

    private static ReadOnlySpan<byte> Magic => "RSS\u0001"u8;

    public static void Write(Span<byte> preamble, int chunkSize)
    {
        Magic.CopyTo(preamble);
        BinaryPrimitives.WriteInt32LittleEndian(preamble[Magic.Length..], chunkSize);
    }

    public static bool TryRead(ReadOnlySpan<byte> preamble, out int chunkSize)
    {
        chunkSize = BinaryPrimitives.ReadInt32LittleEndian(preamble[Magic.Length..]);
        return preamble.StartsWith(Magic) && chunkSize is > 0 and <= SecretStream.MaxChunkSize;
    }
}
