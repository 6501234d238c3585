using System.Security.Cryptography;
using NSec.Cryptography;
using Reporting.Cryptography.PasswordHashing;
using Reporting.Cryptography.SecretStreams;
using static Reporting.Cryptography.Sodium.Libsodium;

namespace Reporting.Cryptography.Tests;

/// <summary>Our few bindings and NSec share one libsodium: the libsodium NuGet package's, never a system copy.</summary>
public class NativeLibraryTests
{
    [Fact]
    public void The_process_maps_one_libsodium_and_it_is_the_nuget_packages()
    {
        // Use both NSec and our bindings first, so that each has loaded whatever it loads.
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        _ = SignatureAlgorithm.Ed25519.Sign(key, [1]);
        SecretStream.Encrypt(new MemoryStream([1]), new MemoryStream(), RandomNumberGenerator.GetBytes(SecretStream.KeySize));
        Assert.NotEmpty(PasswordHashString.Create("x", 1, 8192));

        var mapped = File.ReadAllLines("/proc/self/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].Contains("libsodium", StringComparison.Ordinal))
            .Select(fields => fields[5].Trim())
            .Distinct()
            .ToArray();

        var library = Assert.Single(mapped);
        Assert.EndsWith("runtimes/linux-x64/native/libsodium.so", library);
        Assert.DoesNotContain("/usr/lib", library);
    }

    [Fact]
    public void The_constants_we_compile_in_are_those_of_the_library_loaded()
    {
        Assert.Equal((nuint)crypto_secretstream_xchacha20poly1305_ABYTES, crypto_secretstream_xchacha20poly1305_abytes());
        Assert.Equal((nuint)crypto_secretstream_xchacha20poly1305_HEADERBYTES, crypto_secretstream_xchacha20poly1305_headerbytes());
        Assert.Equal((nuint)crypto_secretstream_xchacha20poly1305_KEYBYTES, crypto_secretstream_xchacha20poly1305_keybytes());
        Assert.Equal((nuint)crypto_secretstream_xchacha20poly1305_STATEBYTES, crypto_secretstream_xchacha20poly1305_statebytes());
        Assert.Equal(crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, crypto_secretstream_xchacha20poly1305_tag_message());
        Assert.Equal(crypto_secretstream_xchacha20poly1305_TAG_FINAL, crypto_secretstream_xchacha20poly1305_tag_final());
        Assert.Equal((nuint)crypto_pwhash_argon2id_STRBYTES, crypto_pwhash_argon2id_strbytes());
        Assert.Equal((nuint)crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_opslimit_min());
        Assert.Equal((nuint)crypto_pwhash_argon2id_MEMLIMIT_MIN, crypto_pwhash_argon2id_memlimit_min());
    }
}
