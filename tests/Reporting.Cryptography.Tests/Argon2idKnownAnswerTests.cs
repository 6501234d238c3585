using System.Text;
using NSec.Cryptography;
using Reporting.Cryptography.SecretStreams;
using Reporting.Cryptography.PasswordHashing;

namespace Reporting.Cryptography.Tests;

/// <summary>
/// RFC 9106 §5.3's Argon2id vector uses a secret, associated data and four lanes, none of which libsodium's API
/// accepts, so these known answers are libsodium-compatible ones (one lane, no secret, no associated data).
/// </summary>
public class Argon2idKnownAnswerTests
{
    [Fact]
    public void Reference_implementation_vector_verifies_as_a_hash_string()
    {
        // The Argon2 reference implementation's own test (phc-winner-argon2 src/test.c, Argon2id version 0x13:
        // t = 2, m = 2^16 KiB, p = 1, password "password", salt "somesalt"); its 8-byte salt is too short
        // for crypto_pwhash, so the vector is checked through crypto_pwhash_str_verify.
        const string encoded = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        Assert.True(PasswordHashString.Verify(encoded, "password"));
        Assert.False(PasswordHashString.Verify(encoded, "differentpassword"));
    }

    [Fact]
    public void Raw_derivation_matches_an_independent_implementation()
    {
        // Computed with pyca/cryptography 48's Argon2id (OpenSSL-backed), which reproduces RFC 9106 §5.3 exactly:
        // t = 2, m = 65536 KiB, p = 1, password "password", salt "somesaltsomesalt", 32 bytes.
        var argon2id = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 65536, NumberOfPasses = 2 });

        var derived = argon2id.DeriveBytes("password"u8, "somesaltsomesalt"u8, 32);

        Assert.Equal("fc33b78139231d34b71626bd6245c1d72efa190ad605c3d8166a72adcedfa2c2", Convert.ToHexString(derived).ToLowerInvariant());
    }

    [Fact]
    public void A_string_password_is_hashed_as_its_UTF16_code_units_as_NSec_does()
    {
        var argon2id = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = 64, NumberOfPasses = 1 });
        var salt = new byte[16];

        Assert.Equal(argon2id.DeriveBytes(Encoding.Unicode.GetBytes("口令"), salt, 32), argon2id.DeriveBytes("口令", salt, 32));
        Assert.NotEqual(argon2id.DeriveBytes(Encoding.UTF8.GetBytes("口令"), salt, 32), argon2id.DeriveBytes("口令", salt, 32));
    }
}
