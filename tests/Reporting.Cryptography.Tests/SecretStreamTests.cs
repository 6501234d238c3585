using System.Security.Cryptography;
using Reporting.Cryptography.SecretStreams;

namespace Reporting.Cryptography.Tests;

public class SecretStreamTests
{
    private const int ChunkSize = 16;
    private const int FirstChunkOffset = 8 + 24;
    private const int ChunkOnWire = ChunkSize + 17;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(SecretStream.KeySize);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ChunkSize - 1)]
    [InlineData(ChunkSize)]
    [InlineData(ChunkSize + 1)]
    [InlineData(3 * ChunkSize)]
    [InlineData(1000)]
    public void What_was_written_reads_back(int length)
    {
        var plaintext = RandomNumberGenerator.GetBytes(length);
        var ciphertext = Encrypt(plaintext);

        Assert.True(SecretStream.TryDecrypt(new MemoryStream(ciphertext), new MemoryStream(), _key));
        using var reader = SecretStream.CreateReader(new MemoryStream(ciphertext), _key);
        var decrypted = new MemoryStream();
        reader.CopyTo(decrypted, 7);
        Assert.Equal(plaintext, decrypted.ToArray());
    }

    [Fact]
    public void The_default_chunk_size_handles_a_large_file()
    {
        var plaintext = RandomNumberGenerator.GetBytes(3 * SecretStream.DefaultChunkSize + 5);
        var ciphertext = new MemoryStream();
        SecretStream.Encrypt(new MemoryStream(plaintext), ciphertext, _key);
        var decrypted = new MemoryStream();

        Assert.True(SecretStream.TryDecrypt(new MemoryStream(ciphertext.ToArray()), decrypted, _key));
        Assert.Equal(plaintext, decrypted.ToArray());
    }

    [Fact]
    public void A_stream_cut_at_a_chunk_boundary_is_truncated()
    {
        var ciphertext = Encrypt(new byte[3 * ChunkSize + 4]);
        var withoutFinalChunk = ciphertext[..(FirstChunkOffset + 3 * ChunkOnWire)];

        Assert.False(SecretStream.TryDecrypt(new MemoryStream(withoutFinalChunk), new MemoryStream(), _key));
        using var reader = SecretStream.CreateReader(new MemoryStream(withoutFinalChunk), _key);
        Assert.Throws<CryptographicException>(() => reader.CopyTo(new MemoryStream()));
    }

    [Fact]
    public void A_stream_cut_inside_a_chunk_is_rejected()
    {
        var ciphertext = Encrypt(new byte[3 * ChunkSize]);

        for (var length = 0; length < ciphertext.Length; length++)
        {
            Assert.False(SecretStream.TryDecrypt(new MemoryStream(ciphertext[..length]), new MemoryStream(), _key), $"length {length}");
        }
    }

    [Fact]
    public void Swapped_chunks_are_rejected()
    {
        var ciphertext = Encrypt(new byte[3 * ChunkSize + 1]);
        var first = ciphertext.AsSpan(FirstChunkOffset, ChunkOnWire).ToArray();
        ciphertext.AsSpan(FirstChunkOffset + ChunkOnWire, ChunkOnWire).CopyTo(ciphertext.AsSpan(FirstChunkOffset));
        first.CopyTo(ciphertext.AsSpan(FirstChunkOffset + ChunkOnWire));

        Assert.False(SecretStream.TryDecrypt(new MemoryStream(ciphertext), new MemoryStream(), _key));
    }

    [Fact]
    public void Data_after_the_final_chunk_is_rejected()
    {
        var ciphertext = Encrypt(new byte[ChunkSize + 1]);

        Assert.False(SecretStream.TryDecrypt(new MemoryStream([.. ciphertext, 0]), new MemoryStream(), _key));
    }

    [Fact]
    public void Every_altered_byte_is_detected()
    {
        var ciphertext = Encrypt(new byte[2 * ChunkSize + 3]);

        for (var i = 0; i < ciphertext.Length; i++)
        {
            var altered = (byte[])ciphertext.Clone();
            altered[i] ^= 0x01;
            Assert.False(SecretStream.TryDecrypt(new MemoryStream(altered), new MemoryStream(), _key), $"byte {i}");
        }
    }

    [Fact]
    public void Another_key_cannot_decrypt()
    {
        var ciphertext = Encrypt(new byte[5]);
        var other = RandomNumberGenerator.GetBytes(SecretStream.KeySize);

        Assert.False(SecretStream.TryDecrypt(new MemoryStream(ciphertext), new MemoryStream(), other));
        using var reader = SecretStream.CreateReader(new MemoryStream(ciphertext), other);
        Assert.Throws<CryptographicException>(() => reader.ReadByte());
        Assert.Throws<CryptographicException>(() => reader.ReadByte());
    }

    [Fact]
    public void A_writer_that_is_never_disposed_leaves_a_truncated_stream()
    {
        var output = new MemoryStream();
        var writer = SecretStream.CreateWriter(output, _key, ChunkSize, leaveOpen: true);
        writer.Write(new byte[ChunkSize + 3]);

        Assert.False(SecretStream.TryDecrypt(new MemoryStream(output.ToArray()), new MemoryStream(), _key));
        writer.Dispose();
        Assert.True(SecretStream.TryDecrypt(new MemoryStream(output.ToArray()), new MemoryStream(), _key));
    }

    [Fact]
    public async Task The_asynchronous_paths_never_block_on_the_inner_stream()
    {
        var plaintext = RandomNumberGenerator.GetBytes(5 * ChunkSize + 3);
        var ciphertext = new AsyncOnlyStream();
        var writer = SecretStream.CreateWriter(ciphertext, _key, ChunkSize, leaveOpen: true);
        await using (writer)
        {
            await writer.WriteAsync(plaintext.AsMemory(0, 20));
            await writer.WriteAsync(plaintext.AsMemory(20));
        }

        var decrypted = new AsyncOnlyStream();
        Assert.True(await SecretStream.TryDecryptAsync(new AsyncOnlyStream(ciphertext.ToArray()), decrypted, _key));
        Assert.Equal(plaintext, decrypted.ToArray());

        await using var reader = SecretStream.CreateReader(new AsyncOnlyStream(ciphertext.ToArray()), _key);
        var copied = new AsyncOnlyStream();
        await reader.CopyToAsync(copied);
        Assert.Equal(plaintext, copied.ToArray());
    }

    [Fact]
    public async Task Asynchronous_decryption_detects_truncation_too()
    {
        var copy = new AsyncOnlyStream();
        await SecretStream.EncryptAsync(new AsyncOnlyStream(new byte[3 * ChunkSize + 4]), copy, _key, ChunkSize);
        var truncated = copy.ToArray()[..(FirstChunkOffset + 3 * ChunkOnWire)];

        Assert.False(await SecretStream.TryDecryptAsync(new AsyncOnlyStream(truncated), new AsyncOnlyStream(), _key));
        await using var reader = SecretStream.CreateReader(new AsyncOnlyStream(truncated), _key);
        await Assert.ThrowsAsync<CryptographicException>(() => reader.CopyToAsync(new AsyncOnlyStream()));
    }

    [Fact]
    public void Nothing_is_written_before_the_first_chunk_is_sealed()
    {
        var output = new MemoryStream();
        using (var writer = SecretStream.CreateWriter(output, _key, ChunkSize, leaveOpen: true))
        {
            writer.Write(new byte[ChunkSize]);
            Assert.Equal(0, output.Length);
        }

        Assert.Equal(FirstChunkOffset + ChunkOnWire, output.Length);
    }

    private byte[] Encrypt(byte[] plaintext)
    {
        var output = new MemoryStream();
        using (var writer = SecretStream.CreateWriter(output, _key, ChunkSize, leaveOpen: true))
        {
            writer.Write(plaintext, 0, plaintext.Length);
        }

        return output.ToArray();
    }
}
